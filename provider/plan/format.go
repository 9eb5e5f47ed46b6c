package plan

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Format is an output of the plan, as `make plan FORMAT=...` names it.
type Format string

const (
	// FormatText is the default: the full list (FormatFull) up to
	// SummaryThreshold resources, the summary (FormatSummary) above.
	FormatText Format = "text"
	// FormatFull lists every resource in create order with its parent and
	// dependencies, and the destroy order, whatever the size.
	FormatFull Format = "full"
	// FormatSummary counts the resources by type and by component and groups
	// the Identity Center assignments by rule, whatever the size.
	FormatSummary Format = "summary"
	// FormatMermaid is the dependency graph as a Mermaid diagram, with like
	// resources collapsed above SummaryThreshold resources.
	FormatMermaid Format = "mermaid"
)

// Formats are the formats, the default first.
var Formats = []Format{FormatText, FormatFull, FormatSummary, FormatMermaid}

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	if slices.Contains(Formats, Format(s)) {
		return Format(s), nil
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("-format %q is not a format: use %s", s, strings.Join(names, ", "))
}

// Write writes the plan in format f to out. A diagram has no place for
// validation errors, so with FormatMermaid they go to errs instead.
func (p *Plan) Write(out, errs io.Writer, f Format) error {
	switch {
	case f == FormatMermaid && len(p.Errors) > 0:
		return p.WriteErrors(errs)
	case f == FormatMermaid:
		return p.WriteMermaid(out)
	case f == FormatSummary, f == FormatText && p.Summarized():
		return p.WriteSummary(out)
	case f == FormatText, f == FormatFull:
		return p.WriteText(out)
	}
	_, err := ParseFormat(string(f))
	return err
}
