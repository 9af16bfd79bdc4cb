// Package domain holds Mentorat's vocabulary: the types of the mentor
// alliance domain, their validation, their state machines, and the one error
// type that every layer returns. It imports no other package of the project.
package domain
