package config

// Error is a setting at fault: the variable and what is wrong with it. The
// command prints it as one line and exits with status 2.
type Error struct {
	Var     string
	Problem string
}

// Error reads "VARIABLE: problem".
func (e *Error) Error() string { return e.Var + ": " + e.Problem }
