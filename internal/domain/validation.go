package domain

// Problems collects the field errors of one validation, so that a caller
// sees every invalid field at once rather than the first.
type Problems struct {
	fields []FieldError
}

// Add records that field is invalid, with a translation key and its
// arguments.
func (p *Problems) Add(field, key string, args map[string]any) {
	p.fields = append(p.fields, FieldError{Field: field, Key: key, Args: args})
}

// Err is nil when no field was invalid, and an invalid error listing them
// all otherwise.
func (p *Problems) Err() error {
	if len(p.fields) == 0 {
		return nil
	}
	return &Error{Code: CodeInvalid, Fields: p.fields}
}
