package openapi

import "bytes"

// UnescapeSolidus rewrites the JSON escape `\/` (valid JSON, and common in
// exports written by PHP and some AWS tools) to `/` inside the strings of a
// JSON document, because the YAML parser that reads every document rejects
// it. It returns nil when src is not JSON or has no such escape. Columns
// after a rewritten escape on the same line move left by one.
func UnescapeSolidus(src []byte) []byte {
	trimmed := bytes.TrimSpace(src)
	if len(trimmed) == 0 || (trimmed[0] != '{' && trimmed[0] != '[') || !bytes.Contains(src, []byte(`\/`)) {
		return nil
	}
	out := make([]byte, 0, len(src))
	inString, escaped := false, false
	for _, c := range src {
		switch {
		case escaped:
			escaped = false
			if c == '/' {
				out[len(out)-1] = '/' // replace the backslash
				continue
			}
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		}
		out = append(out, c)
	}
	return out
}
