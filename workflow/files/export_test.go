package files

// LockErrorForTest exposes lockError to the external tests.
var LockErrorForTest = lockError
