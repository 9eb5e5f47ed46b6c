package fakeorg

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
)

// The accounts' tags, for ListTagsForResource: keyed by account ID, paged
// like the other lists (the API takes no MaxResults; the fake's page size
// applies).

// OpListTagsForResource is the operation that lists a resource's tags.
const OpListTagsForResource = "ListTagsForResource"

// resourceIDPattern is ListTagsForResource's ResourceId: an account ID, a
// root, an OU or a policy (API Reference, ListTagsForResource).
var resourceIDPattern = regexp.MustCompile(`^(\d{12}|r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|p-[0-9a-zA-Z_]{8,128})$`)

// TagAccount sets account id's tags (replacing them; nil removes them). It
// panics on an account the organization does not have.
func (s *Server) TagAccount(id string, tags map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.accounts[id]; !ok && id != s.mgmt {
		panic(fmt.Sprintf("fakeorg: TagAccount: %q is not an account of the organization: AddAccount it first", id))
	}
	if s.tags == nil {
		s.tags = map[string]map[string]string{}
	}
	if tags == nil {
		delete(s.tags, id)
		return
	}
	s.tags[id] = maps.Clone(tags)
}

type tagOut struct {
	Key   string
	Value string
}

func (s *Server) listTagsForResource(req *request) (any, *apiError) {
	st := s.snapshot()
	if err := s.checkList(st); err != nil {
		return nil, err
	}
	if req.ResourceID == nil || *req.ResourceID == "" {
		return nil, invalidInput("INPUT_REQUIRED", "You must specify a value for ResourceId.")
	}
	id := *req.ResourceID
	if !resourceIDPattern.MatchString(id) {
		return nil, invalidInput("INVALID_PATTERN_TARGET_ID", "You specified a value that is not valid for "+
			"ResourceId.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.allAccountsLocked(st)[id]; !ok {
		if _, ou := s.ous[id]; !ou && id != RootID {
			return nil, newError("TargetNotFoundException", "We can't find a root, OU, account, or policy with "+
				"the TargetId that you specified.")
		}
	}
	tags := s.tags[id]
	keys := slices.Sorted(maps.Keys(tags))
	page, next, err := paginate(req, st, OpListTagsForResource, id, keys)
	if err != nil {
		return nil, err
	}
	out := []tagOut{}
	for _, k := range page {
		out = append(out, tagOut{Key: k, Value: tags[k]})
	}
	return map[string]any{"Tags": out, "NextToken": next}, nil
}
