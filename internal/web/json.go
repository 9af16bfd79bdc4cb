package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// decodeJSON reads the request body into v. A body over the limit is too
// large; a body that is not valid UTF-8 or not JSON of v's shape, or that
// names a field v lacks, is malformed.
func decodeJSON(c *gin.Context, v any) error {
	body, err := io.ReadAll(c.Request.Body)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return domain.E(domain.CodeTooLarge, "", map[string]any{"max": tooLarge.Limit})
	}
	if err != nil {
		return domain.E(domain.CodeMalformed, "error.malformed.unreadable", nil)
	}
	if !utf8.Valid(body) {
		return domain.E(domain.CodeMalformed, "error.malformed.utf8", nil)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			return domain.E(domain.CodeMalformed, "error.malformed.field_type", map[string]any{"field": typeErr.Field})
		}
		return domain.E(domain.CodeMalformed, "error.malformed.json", nil)
	}
	if dec.More() {
		return domain.E(domain.CodeMalformed, "error.malformed.json", nil)
	}
	return nil
}
