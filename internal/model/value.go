package model

import "strings"

// A Value is one scalar of the configuration: a literal the loader could read
// (Known), or an unknown one that stays symbolic. An unknown value keeps what
// is known about it: Ref names what it refers to
// (`aws_api_gateway_domain_name.api.regional_domain_name`, `var.region`,
// `!GetAtt Domain.RegionalDomainName`), and Partial keeps a template's text with
// its unknown parts in place (`arn:aws:apigateway:${AWS::Region}:lambda:path/…`).
// Rules never guess an unknown value.
type Value struct {
	Literal string `json:"value,omitempty"`
	Known   bool   `json:"known"`
	Ref     string `json:"ref,omitempty"`
	Partial string `json:"partial,omitempty"`
	Range   Range  `json:"range"`
}

// Lit returns a known value.
func Lit(s string, r Range) *Value { return &Value{Literal: s, Known: true, Range: r} }

// Unknown returns an unknown value that refers to ref.
func Unknown(ref string, r Range) *Value { return &Value{Ref: ref, Range: r} }

// Get returns the literal and whether it is known. A nil value is unknown.
func (v *Value) Get() (string, bool) {
	if v == nil || !v.Known {
		return "", false
	}
	return v.Literal, true
}

// Is reports whether v is known and equal to s, ignoring case.
func (v *Value) Is(s string) bool {
	lit, ok := v.Get()
	return ok && strings.EqualFold(lit, s)
}

// Text returns what is known of v's text: the literal, else the partial
// template, else "".
func (v *Value) Text() string {
	if v == nil {
		return ""
	}
	if v.Known {
		return v.Literal
	}
	return v.Partial
}

// RangeOr returns v's range, or def when v is nil or has none.
func (v *Value) RangeOr(def Range) Range {
	if v == nil || v.Range.IsZero() {
		return def
	}
	return v.Range
}

// A Field is a key present in a configuration object, kept so that rules can
// check an object's shape against the documented fields.
type Field struct {
	Name  string `json:"name"`
	Range Range  `json:"range"`
}
