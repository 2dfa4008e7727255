//go:build !unix

package files

func isReadOnly(err error) bool { return false }
