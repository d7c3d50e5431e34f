package vtl

import "strings"

// Roots are the variables API Gateway defines in every mapping template
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html).
var Roots = map[string]bool{
	"input":          true,
	"util":           true,
	"context":        true,
	"stageVariables": true,
}

// InputMembers are the documented members of $input; path, json and params
// are methods, body a property.
var InputMembers = map[string]bool{
	"body":   true,
	"json":   true,
	"params": true,
	"path":   true,
}

// UtilMembers are the documented functions of $util.
var UtilMembers = map[string]bool{
	"escapeJavaScript": true,
	"parseJson":        true,
	"urlEncode":        true,
	"urlDecode":        true,
	"base64Encode":     true,
	"base64Decode":     true,
}

// members is one level of the documented $context tree.
type members = map[string]any

var anyMember = members{"*": nil}

// contextMembers describes the documented $context variables. A leaf (nil
// map) is a value: what follows it is a Java method or property of that
// value and is not checked. The key "*" accepts any member, with its
// subtree below.
//
// The list is deliberately generous: it unites the variables of mapping
// templates, access logging, REST, HTTP and WebSocket APIs
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-variables-for-access-logging.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html),
// because reporting a variable that exists is worse than missing a typo.
var contextMembers = members{
	"accountId":               nil,
	"apiId":                   nil,
	"authorizer":              anyMember, // claims.*, principalId, and any key the authorizer returns
	"authorize":               members{"error": nil, "latency": nil, "status": nil},
	"authenticate":            members{"error": nil, "latency": nil, "status": nil},
	"awsEndpointRequestId":    nil,
	"awsEndpointRequestId2":   nil,
	"cipherSuite":             nil,
	"connectedAt":             nil,
	"connectionId":            nil,
	"customDomain":            members{"basePathMatched": nil},
	"deploymentId":            nil,
	"disconnectReason":        nil,
	"disconnectStatusCode":    nil,
	"domainName":              nil,
	"domainPrefix":            nil,
	"endpointType":            nil,
	"error":                   members{"message": nil, "messageString": nil, "responseType": nil, "validationErrorString": nil},
	"eventType":               nil,
	"extendedRequestId":       nil,
	"httpMethod":              nil,
	"identity":                identityMembers,
	"integration":             members{"error": nil, "integrationStatus": nil, "latency": nil, "requestId": nil, "status": nil},
	"integrationErrorMessage": nil,
	"integrationLatency":      nil,
	"integrationStatus":       nil,
	"isCanaryRequest":         nil,
	"messageDirection":        nil,
	"messageId":               nil,
	"path":                    nil,
	"protocol":                nil,
	"requestId":               nil,
	"requestOverride":         members{"header": anyMember, "path": anyMember, "querystring": anyMember},
	"requestTime":             nil,
	"requestTimeEpoch":        nil,
	"resourceId":              nil,
	"resourcePath":            nil,
	"responseLatency":         nil,
	"responseLength":          nil,
	"responseOverride":        members{"header": anyMember, "status": nil},
	"routeKey":                nil,
	"stage":                   nil,
	"status":                  nil,
	"tlsVersion":              nil,
	"waf":                     members{"error": nil, "latency": nil, "status": nil},
	"wafResponseCode":         nil,
	"webaclArn":               nil,
	"xrayTraceId":             nil,
}

var identityMembers = members{
	"accountId":                     nil,
	"apiKey":                        nil,
	"apiKeyId":                      nil,
	"caller":                        nil,
	"clientCert":                    members{"clientCertPem": nil, "subjectDN": nil, "issuerDN": nil, "serialNumber": nil, "validity": members{"notBefore": nil, "notAfter": nil}},
	"cognitoAuthenticationProvider": nil,
	"cognitoAuthenticationType":     nil,
	"cognitoIdentityId":             nil,
	"cognitoIdentityPoolId":         nil,
	"principalOrgId":                nil,
	"sourceIp":                      nil,
	"user":                          nil,
	"userAgent":                     nil,
	"userArn":                       nil,
	"vpcId":                         nil,
	"vpceId":                        nil,
}

// UnknownMember checks the members of a reference to an API Gateway root
// ($context, $input, $util) against the documented ones. It returns the
// index in r.Parts of the first undocumented member, the dotted path up to
// and including it, and a documented member with a similar name ("" when
// none), or -1 when every checked member is documented. Members of values
// ($input.path('$').size(), $context.requestId.length()) are Java methods
// and not checked; neither is anything after an index.
func UnknownMember(r *Reference) (idx int, path string, suggestion string) {
	switch r.Name {
	case "input", "util":
		if len(r.Parts) == 0 {
			return -1, "", ""
		}
		known := InputMembers
		if r.Name == "util" {
			known = UtilMembers
		}
		name, ok := partName(r.Parts[0])
		if !ok || known[name] {
			return -1, "", ""
		}
		return 0, r.Name + "." + name, similar(name, keys(known))
	case "context":
		var level any = contextMembers
		path := "context"
		for i, p := range r.Parts {
			m, ok := level.(members)
			if !ok || m == nil {
				return -1, "", "" // a value: the rest is Java
			}
			name, ok := partName(p)
			if !ok {
				return -1, "", ""
			}
			if _, isMethod := p.(*Method); isMethod && i > 0 {
				// $context.identity.get('x') and the like: a method
				// of the map, not a member.
				return -1, "", ""
			}
			path += "." + name
			if sub, ok := m["*"]; ok {
				level = sub
				continue
			}
			sub, ok := m[name]
			if !ok {
				names := make([]string, 0, len(m))
				for k := range m {
					names = append(names, k)
				}
				return i, path, similar(name, names)
			}
			level = sub
		}
	}
	return -1, "", ""
}

func partName(p RefPart) (string, bool) {
	switch p := p.(type) {
	case *Property:
		return p.Name, true
	case *Method:
		return p.Name, true
	}
	return "", false
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// similar returns the candidate closest to name when it is close enough to
// be the intended one: equal ignoring case, a prefix of one another, or
// within a small edit distance.
func similar(name string, candidates []string) string {
	best, bestD := "", 1<<30
	ln := strings.ToLower(name)
	for _, c := range candidates {
		if c == "*" {
			continue
		}
		lc := strings.ToLower(c)
		d := editDistance(ln, lc)
		if strings.HasPrefix(ln, lc) || strings.HasPrefix(lc, ln) {
			d = min(d, 1)
		}
		if d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	if bestD <= max(1, len(name)/4) {
		return best
	}
	return ""
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
