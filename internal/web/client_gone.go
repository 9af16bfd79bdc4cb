package web

import "github.com/gin-gonic/gin"

// statusClientGone is recorded for a request whose client went away before
// the answer: nobody reads it, and it is no server error.
const statusClientGone = 499

// clientGone tells whether the request's client has gone away (its
// context is done); the request is then ended with statusClientGone,
// without an error in the log, since its failure is the client's leaving.
func clientGone(c *gin.Context) bool {
	if c.Request.Context().Err() == nil {
		return false
	}
	c.AbortWithStatus(statusClientGone)
	return true
}
