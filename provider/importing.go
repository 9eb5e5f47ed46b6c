package provider

import "fmt"

// nothingToImport is the error of an import whose object is not there.
//
// Read answers "gone" (an empty ID) on a refresh of an object removed out of
// band, so that the engine drops it and the next update creates it again. On
// an import the same answer would make the engine record an empty resource:
// the next up then fails ("previously-imported resources that still specify
// an ID may not be replaced") and destroy fails on its missing fields. So an
// import of something that does not exist fails instead, and the state is
// left untouched. what says what is missing ("trusted access for X is not
// enabled"); fix says what to do instead.
func nothingToImport(what, fix string) error {
	return fmt.Errorf("%s; there is nothing to import: %s", what, fix)
}
