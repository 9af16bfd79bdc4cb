// Package service holds Mentorat's use cases. Each validates its input,
// checks the caller's right to the object it touches, and does its work in
// one transaction of the store, writing any job it calls for to the outbox
// in that same transaction. The services are the only callers of the store.
package service
