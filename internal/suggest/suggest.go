// Package suggest finds the candidate that a mistyped input most likely
// means, for the "did you mean" hints of the components' errors.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// Nearest returns the candidate that input most likely misspells: the
// closest by Levenshtein distance, ignoring case, if it is within max(3,
// len/5) edits and fewer than half the input's length, so that short inputs
// don't match everything. Ties go to the earlier candidate.
func Nearest(input string, candidates []string) (string, bool) {
	in := strings.ToLower(input)
	n := utf8.RuneCountInString(in)
	threshold := min(max(3, n/5), max(1, n/2))
	best, bestDist := "", threshold+1
	for _, c := range candidates {
		if d := levenshtein(in, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// levenshtein is the edit distance between a and b, by runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
