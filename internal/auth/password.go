package auth

import (
	"github.com/alexedwards/argon2id"
)

// params are the argon2id settings: 19 MiB of memory and two passes, the
// floor that OWASP recommends, which costs some 20 ms on one core.
var params = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// HashPassword hashes a password with a fresh salt.
func HashPassword(password string) (string, error) {
	return argon2id.CreateHash(password, params)
}

// CheckPassword tells whether password matches hash.
func CheckPassword(password, hash string) bool {
	ok, err := argon2id.ComparePasswordAndHash(password, hash)
	return err == nil && ok
}

// dummyHash is checked against when no account has the e-mail given, so
// that a failed login takes as long whether the account exists or not.
var dummyHash, _ = HashPassword("no account has this password")

// CheckNoPassword spends the time of one password check and fails.
func CheckNoPassword(password string) bool {
	_ = CheckPassword(password, dummyHash)
	return false
}
