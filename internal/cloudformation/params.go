package cloudformation

import (
	"encoding/json"
	"fmt"
	"strings"
)

// ParseParameters reads template parameter values from a parameters file in
// any of the forms the AWS tools write: the CLI's list
// (`[{"ParameterKey": "Stage", "ParameterValue": "prod"}]`), CodePipeline's
// template configuration (`{"Parameters": {"Stage": "prod"}}`), or a plain
// object (`{"Stage": "prod"}`). A list value becomes a comma-separated one.
func ParseParameters(src []byte) (map[string]string, error) {
	var list []struct {
		ParameterKey   string `json:"ParameterKey"`
		ParameterValue any    `json:"ParameterValue"`
	}
	if err := json.Unmarshal(src, &list); err == nil {
		out := map[string]string{}
		for _, p := range list {
			if p.ParameterKey == "" {
				return nil, fmt.Errorf("read parameters: an entry has no ParameterKey")
			}
			out[p.ParameterKey] = paramText(p.ParameterValue)
		}
		return out, nil
	}
	var obj map[string]any
	if err := json.Unmarshal(src, &obj); err != nil {
		return nil, fmt.Errorf("read parameters: %w", err)
	}
	if inner, ok := obj["Parameters"].(map[string]any); ok {
		obj = inner
	}
	out := map[string]string{}
	for k, v := range obj {
		out[k] = paramText(v)
	}
	return out, nil
}

// ParseParameterFlag reads one `Key=Value` command-line parameter.
func ParseParameterFlag(s string) (key, value string, err error) {
	key, value, ok := strings.Cut(s, "=")
	if !ok || strings.TrimSpace(key) == "" {
		return "", "", fmt.Errorf("parameter %q: want Key=Value", s)
	}
	return strings.TrimSpace(key), value, nil
}

func paramText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = paramText(e)
		}
		return strings.Join(parts, ",")
	case nil:
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}
