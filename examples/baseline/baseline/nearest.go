package baseline

import (
	"strings"
	"unicode/utf8"
)

// nearest returns the key that input most likely misspells: the closest by
// edit distance, ignoring case, within max(3, len/5) edits and fewer than
// half the input's length. (The components keep their own matcher internal;
// the baseline, a program like any user's, has its own.)
func nearest(input string, candidates []string) (string, bool) {
	in := strings.ToLower(input)
	n := utf8.RuneCountInString(in)
	threshold := min(max(3, n/5), max(1, n/2))
	best, bestDist := "", threshold+1
	for _, c := range candidates {
		if d := editDistance(in, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// editDistance is the Levenshtein distance between a and b, by runes.
func editDistance(a, b string) int {
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
