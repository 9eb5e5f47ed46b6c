package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// buildDir is Maven's build output in the SDK directory, never generated:
// write leaves it alone.
const buildDir = "target"

// write writes files under dir and removes every other file there, except the
// build output, so that a type dropped from the schema leaves no stale class
// behind. Unchanged files keep their modification time.
func write(dir string, files map[string][]byte) error {
	existing, err := list(dir)
	if err != nil {
		return err
	}
	for _, rel := range existing {
		if _, ok := files[rel]; !ok {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
				return fmt.Errorf("removing stale %s: %w", rel, err)
			}
		}
	}
	if err := removeEmptyDirs(dir); err != nil {
		return err
	}
	rels := make([]string, 0, len(files))
	for rel := range files {
		rels = append(rels, rel)
	}
	slices.Sort(rels)
	for _, rel := range rels {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("creating the directory of %s: %w", rel, err)
		}
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, files[rel]) {
			continue
		}
		if err := os.WriteFile(p, files[rel], 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", rel, err)
		}
	}
	return nil
}

// list returns the files under root, slash-separated and relative to it,
// without the build output. A missing root has no files.
func list(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return fs.SkipAll
			}
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		if d.IsDir() && rel == buildDir {
			return fs.SkipDir
		}
		if !d.IsDir() {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", root, err)
	}
	return out, nil
}

// removeEmptyDirs removes the directories under root that hold no file,
// deepest first, leaving root and the build output.
func removeEmptyDirs(root string) error {
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return fs.SkipAll
			}
			return err
		}
		if !d.IsDir() || p == root {
			return nil
		}
		if rel, _ := filepath.Rel(root, p); rel == buildDir {
			return fs.SkipDir
		}
		dirs = append(dirs, p)
		return nil
	})
	if err != nil {
		return fmt.Errorf("listing %s: %w", root, err)
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		entries, err := os.ReadDir(dirs[i])
		if err != nil {
			return err
		}
		if len(entries) == 0 {
			if err := os.Remove(dirs[i]); err != nil {
				return fmt.Errorf("removing empty %s: %w", dirs[i], err)
			}
		}
	}
	return nil
}
