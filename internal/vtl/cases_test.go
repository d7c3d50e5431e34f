package vtl

// constructCases are well-formed templates, one per construct; the parse
// tests compare their outlines and assert they have no errors.
var constructCases = []struct {
	name string
	src  string
	want []string
}{
	{
		name: "plain text stays one node",
		src:  "{\n  \"a\": 1\n}",
		want: []string{
			`Text 1:1-3:2 "{\n  \"a\": 1\n}"`,
		},
	},
	{
		name: "dollar and hash without identifiers are text",
		src:  `"price": "$5.00", "tag": "#hashtag", "x": "#", "y": "$", "z": "$!", "w": "${}"`,
		want: []string{
			`Text 1:1-1:79 "\"price\": \"$5.00\", \"tag\": \"#hashtag\", \"x\": \"#\", \"y\": \"$\", \"z\": \"$!\", \"w\": \"${}\""`,
		},
	},
	{
		name: "line comment swallows its newline",
		src:  "a## note\nb",
		want: []string{
			`Text 1:1-1:2 "a"`,
			`Comment 1:2-2:1 " note"`,
			`Text 2:1-2:2 "b"`,
		},
	},
	{
		name: "block comment",
		src:  "a#* one\ntwo *#b",
		want: []string{
			`Text 1:1-1:2 "a"`,
			`Comment 1:2-2:7 block " one\ntwo "`,
			`Text 2:7-2:8 "b"`,
		},
	},
	{
		name: "unparsed block keeps its content verbatim",
		src:  "#[[ $x #if( ]]#",
		want: []string{
			`Unparsed 1:1-1:16 " $x #if( "`,
		},
	},
	{
		name: "escaped reference renders literally",
		src:  `\$foo \\$foo \\\$foo`,
		want: []string{
			`Text 1:1-1:9 "$foo \\"`,
			"Reference 1:9-1:13 foo",
			`Text 1:13-1:21 " \\$foo"`,
		},
	},
	{
		name: "escaped directive renders literally",
		src:  `\#if($a) \#{end} \#hashtag \x`,
		want: []string{
			`Text 1:1-1:6 "#if("`,
			"Reference 1:6-1:8 a",
			`Text 1:8-1:30 ") #{end} \\#hashtag \\x"`,
		},
	},
	{
		name: "double backslash before a directive keeps the directive",
		src:  `\\#if($a)y#end`,
		want: []string{
			`Text 1:1-1:3 "\\"`,
			"If 1:3-1:15",
			"  IfBranch 1:3-1:11",
			"    Reference 1:7-1:9 a",
			`    Text 1:10-1:11 "y"`,
		},
	},
	{
		name: "simple, quiet and braced references",
		src:  "$foo $!foo ${foo} $!{foo} ${foo}bar",
		want: []string{
			"Reference 1:1-1:5 foo",
			`Text 1:5-1:6 " "`,
			"Reference 1:6-1:11 foo quiet",
			`Text 1:11-1:12 " "`,
			"Reference 1:12-1:18 foo braced",
			`Text 1:18-1:19 " "`,
			"Reference 1:19-1:26 foo quiet braced",
			`Text 1:26-1:27 " "`,
			"Reference 1:27-1:33 foo braced",
			`Text 1:33-1:36 "bar"`,
		},
	},
	{
		name: "identifiers may contain hyphens and underscores",
		src:  "$foo-bar $_x $a.b_c-d",
		want: []string{
			"Reference 1:1-1:9 foo-bar",
			`Text 1:9-1:10 " "`,
			"Reference 1:10-1:13 _x",
			`Text 1:13-1:14 " "`,
			"Reference 1:14-1:22 a.b_c-d",
			"  Property 1:16-1:22 b_c-d",
		},
	},
	{
		name: "property chain",
		src:  "$context.identity.sourceIp",
		want: []string{
			"Reference 1:1-1:27 context.identity.sourceIp",
			"  Property 1:9-1:18 identity",
			"  Property 1:18-1:27 sourceIp",
		},
	},
	{
		name: "trailing dot is text",
		src:  "$name. $a.1",
		want: []string{
			"Reference 1:1-1:6 name",
			`Text 1:6-1:8 ". "`,
			"Reference 1:8-1:10 a",
			`Text 1:10-1:12 ".1"`,
		},
	},
	{
		name: "method call with JSONPath argument",
		src:  "$input.path('$.x')",
		want: []string{
			"Reference 1:1-1:19 input.path",
			"  Method 1:7-1:19 path()",
			"    StringLit 1:13-1:18 '$.x",
		},
	},
	{
		name: "chained method calls",
		src:  `$util.escapeJavaScript($x).replaceAll("\\'","'")`,
		want: []string{
			"Reference 1:1-1:49 util.escapeJavaScript.replaceAll",
			"  Method 1:6-1:27 escapeJavaScript()",
			"    Reference 1:24-1:26 x",
			"  Method 1:27-1:49 replaceAll()",
			`    StringLit 1:39-1:44 "\\'`,
			`    StringLit 1:45-1:48 "'`,
		},
	},
	{
		name: "index forms",
		src:  "$a[0] $a['k'] $a[$i].b $a.b()[1]",
		want: []string{
			"Reference 1:1-1:6 a",
			"  Index 1:3-1:6",
			"    NumberLit 1:4-1:5 int 0",
			`Text 1:6-1:7 " "`,
			"Reference 1:7-1:14 a",
			"  Index 1:9-1:14",
			"    StringLit 1:10-1:13 'k",
			`Text 1:14-1:15 " "`,
			"Reference 1:15-1:23 a",
			"  Index 1:17-1:21",
			"    Reference 1:18-1:20 i",
			"  Property 1:21-1:23 b",
			`Text 1:23-1:24 " "`,
			"Reference 1:24-1:33 a.b",
			"  Method 1:26-1:30 b()",
			"  Index 1:30-1:33",
			"    NumberLit 1:31-1:32 int 1",
		},
	},
	{
		name: "params header chain",
		src:  "$input.params().header.get('X-Api-Key')",
		want: []string{
			"Reference 1:1-1:40 input.params.header.get",
			"  Method 1:7-1:16 params()",
			"  Property 1:16-1:23 header",
			"  Method 1:23-1:40 get()",
			"    StringLit 1:28-1:39 'X-Api-Key",
		},
	},
	{
		name: "braced reference with method",
		src:  "${input.params('id')}x",
		want: []string{
			"Reference 1:1-1:22 input.params braced",
			"  Method 1:8-1:21 params()",
			"    StringLit 1:16-1:20 'id",
			`Text 1:22-1:23 "x"`,
		},
	},
	{
		name: "set with method call",
		src:  "#set($inputRoot = $input.path('$'))",
		want: []string{
			"Set 1:1-1:36",
			"  Reference 1:6-1:16 inputRoot",
			"  Reference 1:19-1:35 input.path",
			"    Method 1:25-1:35 path()",
			"      StringLit 1:31-1:34 '$",
		},
	},
	{
		name: "set response override status",
		src:  "#set($context.responseOverride.status = 400)",
		want: []string{
			"Set 1:1-1:45",
			"  Reference 1:6-1:38 context.responseOverride.status",
			"    Property 1:14-1:31 responseOverride",
			"    Property 1:31-1:38 status",
			"  NumberLit 1:41-1:44 int 400",
		},
	},
	{
		name: "set with space before parenthesis",
		src:  "#set ($x = 1)",
		want: []string{
			"Set 1:1-1:14",
			"  Reference 1:7-1:9 x",
			"  NumberLit 1:12-1:13 int 1",
		},
	},
	{
		name: "set map literal",
		src:  `#set($m = {"a": 1, $k: [true, false], "e": {}})`,
		want: []string{
			"Set 1:1-1:48",
			"  Reference 1:6-1:8 m",
			"  MapLit 1:11-1:47",
			"    MapEntry 1:12-1:18",
			`      StringLit 1:12-1:15 "a`,
			"      NumberLit 1:17-1:18 int 1",
			"    MapEntry 1:20-1:37",
			"      Reference 1:20-1:22 k",
			"      ListLit 1:24-1:37",
			"        BoolLit 1:25-1:29 true",
			"        BoolLit 1:31-1:36 false",
			"    MapEntry 1:39-1:46",
			`      StringLit 1:39-1:42 "e`,
			"      MapLit 1:44-1:46",
		},
	},
	{
		name: "set list and empty list",
		src:  "#set($l = [1, 2.5, -3])#set($e = [])",
		want: []string{
			"Set 1:1-1:24",
			"  Reference 1:6-1:8 l",
			"  ListLit 1:11-1:23",
			"    NumberLit 1:12-1:13 int 1",
			"    NumberLit 1:15-1:18 float 2.5",
			"    NumberLit 1:20-1:22 int -3",
			"Set 1:24-1:37",
			"  Reference 1:29-1:31 e",
			"  ListLit 1:34-1:36",
		},
	},
	{
		name: "set range with reference",
		src:  "#set($r = [1..$n])",
		want: []string{
			"Set 1:1-1:19",
			"  Reference 1:6-1:8 r",
			"  RangeLit 1:11-1:18",
			"    NumberLit 1:12-1:13 int 1",
			"    Reference 1:15-1:17 n",
		},
	},
	{
		name: "set interpolated string",
		src:  `#set($s = "Hi $name, #if($x)y#end!")`,
		want: []string{
			"Set 1:1-1:37",
			"  Reference 1:6-1:8 s",
			`  StringLit 1:11-1:36 "Hi $name, #if($x)y#end! interpolated`,
			`    Text 1:12-1:15 "Hi "`,
			"    Reference 1:15-1:20 name",
			`    Text 1:20-1:22 ", "`,
			"    If 1:22-1:34",
			"      IfBranch 1:22-1:30",
			"        Reference 1:26-1:28 x",
			`        Text 1:29-1:30 "y"`,
			`    Text 1:34-1:35 "!"`,
		},
	},
	{
		name: "set single-quoted string is not interpolated",
		src:  "#set($s = 'it''s $x')",
		want: []string{
			"Set 1:1-1:22",
			"  Reference 1:6-1:8 s",
			"  StringLit 1:11-1:21 'it's $x",
		},
	},
	{
		name: "set doubled quote in interpolated string",
		src:  `#set($s = "say ""$x""")`,
		want: []string{
			"Set 1:1-1:24",
			"  Reference 1:6-1:8 s",
			`  StringLit 1:11-1:23 "say "$x" interpolated`,
			`    Text 1:12-1:18 "say \""`,
			"    Reference 1:18-1:20 x",
			`    Text 1:20-1:22 "\""`,
		},
	},
	{
		name: "set hash string is not interpolated without references",
		src:  `#set($s = "plain")`,
		want: []string{
			"Set 1:1-1:19",
			"  Reference 1:6-1:8 s",
			`  StringLit 1:11-1:18 "plain`,
		},
	},
	{
		name: "set without parenthesis is text",
		src:  "#set $x = 1",
		want: []string{
			`Text 1:1-1:6 "#set "`,
			"Reference 1:6-1:8 x",
			`Text 1:8-1:12 " = 1"`,
		},
	},
	{
		name: "if elseif else",
		src:  "#if($a)x#elseif($b)y#else z#end",
		want: []string{
			"If 1:1-1:32",
			"  IfBranch 1:1-1:9",
			"    Reference 1:5-1:7 a",
			`    Text 1:8-1:9 "x"`,
			"  IfBranch 1:9-1:21 elseif",
			"    Reference 1:17-1:19 b",
			`    Text 1:20-1:21 "y"`,
			"  ElseBranch 1:21-1:28",
			`    Text 1:26-1:28 " z"`,
		},
	},
	{
		name: "brace forms",
		src:  "#{if}($a)x#{elseif}($b)y#{else}z#{end}w",
		want: []string{
			"If 1:1-1:39",
			"  IfBranch 1:1-1:11",
			"    Reference 1:7-1:9 a",
			`    Text 1:10-1:11 "x"`,
			"  IfBranch 1:11-1:25 elseif",
			"    Reference 1:21-1:23 b",
			`    Text 1:24-1:25 "y"`,
			"  ElseBranch 1:25-1:33",
			`    Text 1:32-1:33 "z"`,
			`Text 1:39-1:40 "w"`,
		},
	},
	{
		name: "if with space before parenthesis",
		src:  "#if ($key != 'ID' && $key != 'Age')x#end",
		want: []string{
			"If 1:1-1:41",
			"  IfBranch 1:1-1:37",
			"    Binary 1:6-1:35 &&",
			"      Binary 1:6-1:18 !=",
			"        Reference 1:6-1:10 key",
			"        StringLit 1:14-1:18 'ID",
			"      Binary 1:22-1:35 !=",
			"        Reference 1:22-1:26 key",
			"        StringLit 1:30-1:35 'Age",
			`    Text 1:36-1:37 "x"`,
		},
	},
	{
		name: "precedence of logical and relational operators",
		src:  "#if($a || $b && $c == 1 + 2 * 3)#end",
		want: []string{
			"If 1:1-1:37",
			"  IfBranch 1:1-1:33",
			"    Binary 1:5-1:32 ||",
			"      Reference 1:5-1:7 a",
			"      Binary 1:11-1:32 &&",
			"        Reference 1:11-1:13 b",
			"        Binary 1:17-1:32 ==",
			"          Reference 1:17-1:19 c",
			"          Binary 1:23-1:32 +",
			"            NumberLit 1:23-1:24 int 1",
			"            Binary 1:27-1:32 *",
			"              NumberLit 1:27-1:28 int 2",
			"              NumberLit 1:31-1:32 int 3",
		},
	},
	{
		name: "word operators",
		src:  "#if(not $a and $b or $c eq 1 ne 2 lt 3 gt 4 le 5 ge 6)#end",
		want: []string{
			"If 1:1-1:59",
			"  IfBranch 1:1-1:55",
			"    Binary 1:5-1:54 ||",
			"      Binary 1:5-1:18 &&",
			"        Unary 1:5-1:11 !",
			"          Reference 1:9-1:11 a",
			"        Reference 1:16-1:18 b",
			"      Binary 1:22-1:54 !=",
			"        Binary 1:22-1:29 ==",
			"          Reference 1:22-1:24 c",
			"          NumberLit 1:28-1:29 int 1",
			"        Binary 1:33-1:54 >=",
			"          Binary 1:33-1:49 <=",
			"            Binary 1:33-1:44 >",
			"              Binary 1:33-1:39 <",
			"                NumberLit 1:33-1:34 int 2",
			"                NumberLit 1:38-1:39 int 3",
			"              NumberLit 1:43-1:44 int 4",
			"            NumberLit 1:48-1:49 int 5",
			"          NumberLit 1:53-1:54 int 6",
		},
	},
	{
		name: "parentheses and arithmetic",
		src:  "#set($x = ($a + 1) % 3 / $b - 2)",
		want: []string{
			"Set 1:1-1:33",
			"  Reference 1:6-1:8 x",
			"  Binary 1:11-1:32 -",
			"    Binary 1:11-1:28 /",
			"      Binary 1:11-1:23 %",
			"        Paren 1:11-1:19",
			"          Binary 1:12-1:18 +",
			"            Reference 1:12-1:14 a",
			"            NumberLit 1:17-1:18 int 1",
			"        NumberLit 1:22-1:23 int 3",
			"      Reference 1:26-1:28 b",
			"    NumberLit 1:31-1:32 int 2",
		},
	},
	{
		name: "negation",
		src:  "#if(!$a && !($b))#end",
		want: []string{
			"If 1:1-1:22",
			"  IfBranch 1:1-1:18",
			"    Binary 1:5-1:17 &&",
			"      Unary 1:5-1:8 !",
			"        Reference 1:6-1:8 a",
			"      Unary 1:12-1:17 !",
			"        Paren 1:13-1:17",
			"          Reference 1:14-1:16 b",
		},
	},
	{
		name: "numbers",
		src:  "#set($n = [0, 42, -7, 3.25, 1e3, -2.5E-2])",
		want: []string{
			"Set 1:1-1:43",
			"  Reference 1:6-1:8 n",
			"  ListLit 1:11-1:42",
			"    NumberLit 1:12-1:13 int 0",
			"    NumberLit 1:15-1:17 int 42",
			"    NumberLit 1:19-1:21 int -7",
			"    NumberLit 1:23-1:27 float 3.25",
			"    NumberLit 1:29-1:32 float 1000",
			"    NumberLit 1:34-1:41 float -0.025",
		},
	},
	{
		name: "foreach with hasNext",
		src:  "#foreach($x in $list)$x#if($foreach.hasNext),#end#end",
		want: []string{
			"Foreach 1:1-1:54",
			"  Reference 1:10-1:12 x",
			"  Reference 1:16-1:21 list",
			"  Reference 1:22-1:24 x",
			"  If 1:24-1:50",
			"    IfBranch 1:24-1:46",
			"      Reference 1:28-1:44 foreach.hasNext",
			"        Property 1:36-1:44 hasNext",
			`      Text 1:45-1:46 ","`,
		},
	},
	{
		name: "foreach over range",
		src:  "#foreach($i in [1..3])$i#end",
		want: []string{
			"Foreach 1:1-1:29",
			"  Reference 1:10-1:12 i",
			"  RangeLit 1:16-1:22",
			"    NumberLit 1:17-1:18 int 1",
			"    NumberLit 1:20-1:21 int 3",
			"  Reference 1:23-1:25 i",
		},
	},
	{
		name: "break and stop",
		src:  "#foreach($i in $l)#break#end#stop#break($foreach)",
		want: []string{
			"Foreach 1:1-1:29",
			"  Reference 1:10-1:12 i",
			"  Reference 1:16-1:18 l",
			"  Break 1:19-1:25",
			"Stop 1:29-1:34",
			"Break 1:34-1:50",
			"  Reference 1:41-1:49 foreach",
		},
	},
	{
		name: "define",
		src:  "#define($block)Hello $name#end$block",
		want: []string{
			"Define 1:1-1:31",
			"  Reference 1:9-1:15 block",
			`  Text 1:16-1:22 "Hello "`,
			"  Reference 1:22-1:27 name",
			"Reference 1:31-1:37 block",
		},
	},
	{
		name: "macro definition and calls",
		src:  `#m('x')#macro(m $a, $b)[$a]#end#m(1 $x)#{m}("s")`,
		want: []string{
			"MacroCall 1:1-1:8 m",
			"  StringLit 1:4-1:7 'x",
			"Macro 1:8-1:32 m",
			"  Reference 1:17-1:19 a",
			"  Reference 1:21-1:23 b",
			`  Text 1:24-1:25 "["`,
			"  Reference 1:25-1:27 a",
			`  Text 1:27-1:28 "]"`,
			"MacroCall 1:32-1:40 m",
			"  NumberLit 1:35-1:36 int 1",
			"  Reference 1:37-1:39 x",
			"MacroCall 1:40-1:49 m",
			`  StringLit 1:45-1:48 "s`,
		},
	},
	{
		name: "block macro call",
		src:  "#macro(wrap)<$bodyContent>#end#@wrap()body#end",
		want: []string{
			"Macro 1:1-1:31 wrap",
			`  Text 1:13-1:14 "<"`,
			"  Reference 1:14-1:26 bodyContent",
			`  Text 1:26-1:27 ">"`,
			"MacroCall 1:31-1:47 wrap block",
			`  Text 1:39-1:43 "body"`,
		},
	},
	{
		name: "include parse evaluate",
		src:  `#include("a.txt", 'b')#parse("t.vtl")#evaluate($code)`,
		want: []string{
			"Directive 1:1-1:23 include",
			`  StringLit 1:10-1:17 "a.txt`,
			"  StringLit 1:19-1:22 'b",
			"Directive 1:23-1:38 parse",
			`  StringLit 1:30-1:37 "t.vtl`,
			"Directive 1:38-1:54 evaluate",
			"  Reference 1:48-1:53 code",
		},
	},
	{
		name: "unknown directive with parenthesis is text",
		src:  "#note(see below) #foo",
		want: []string{
			`Text 1:1-1:22 "#note(see below) #foo"`,
		},
	},
	{
		name: "directive arguments may span lines",
		src:  "#if($a &&\n    $b)x#end",
		want: []string{
			"If 1:1-2:13",
			"  IfBranch 1:1-2:9",
			"    Binary 1:5-2:7 &&",
			"      Reference 1:5-1:7 a",
			"      Reference 2:5-2:7 b",
			`    Text 2:8-2:9 "x"`,
		},
	},
	{
		name: "comments inside directive arguments",
		src:  "#set($m = { ## note\n  \"a\": 1 #* c *# })",
		want: []string{
			"Set 1:1-2:20",
			"  Reference 1:6-1:8 m",
			"  MapLit 1:11-2:19",
			"    MapEntry 2:3-2:9",
			`      StringLit 2:3-2:6 "a`,
			"      NumberLit 2:8-2:9 int 1",
		},
	},
	{
		name: "multibyte text before references",
		src:  "héllo $nämé 日本 $x\n🙂 $y",
		want: []string{
			`Text 1:1-1:7 "héllo "`,
			"Reference 1:7-1:9 n",
			`Text 1:9-1:16 "ämé 日本 "`,
			"Reference 1:16-1:18 x",
			`Text 1:18-2:3 "\n🙂 "`,
			"Reference 2:3-2:5 y",
		},
	},
	{
		name: "dollar null",
		src:  "#if($x == $null)null#end",
		want: []string{
			"If 1:1-1:25",
			"  IfBranch 1:1-1:21",
			"    Binary 1:5-1:16 ==",
			"      Reference 1:5-1:7 x",
			"      Reference 1:11-1:16 null",
			`    Text 1:17-1:21 "null"`,
		},
	},
	{
		name: "string nested in an interpolated string uses doubled quotes",
		src:  `#set($x = "Name: $util.escapeJavaScript(""a$b"").trim() ""q""")`,
		want: []string{
			`Set 1:1-1:64`,
			`  Reference 1:6-1:8 x`,
			`  StringLit 1:11-1:63 "Name: $util.escapeJavaScript("a$b").trim() "q" interpolated`,
			`    Text 1:12-1:18 "Name: "`,
			`    Reference 1:18-1:56 util.escapeJavaScript.trim`,
			`      Method 1:23-1:49 escapeJavaScript()`,
			`        StringLit 1:41-1:48 "a$b interpolated`,
			`          Text 1:43-1:44 "a"`,
			`          Reference 1:44-1:46 b`,
			`      Method 1:49-1:56 trim()`,
			`    Text 1:56-1:62 " \"q\""`,
		},
	},
}

// errorCases are malformed templates and the errors they must produce, as
// "line:column-line:column message".
var errorCases = []struct {
	name string
	src  string
	want []string
}{
	{
		name: "unclosed if",
		src:  "#if($a)\nx\n",
		want: []string{
			"1:1-1:8 unclosed #if: missing #end",
		},
	},
	{
		name: "stray end",
		src:  "a\n#end\nb",
		want: []string{
			"2:1-2:5 #end without a matching directive",
		},
	},
	{
		name: "else without if",
		src:  "#else x #elseif($a)",
		want: []string{
			"1:1-1:6 #else without a matching #if",
			"1:9-1:16 #elseif without a matching #if",
		},
	},
	{
		name: "elseif after else",
		src:  "#if($a)#else#elseif($b)#end",
		want: []string{
			"1:13-1:20 #elseif after #else",
		},
	},
	{
		name: "duplicate else",
		src:  "#if($a)#else#else#end",
		want: []string{
			"1:13-1:18 #else after #else",
		},
	},
	{
		name: "else inside foreach",
		src:  "#foreach($x in $l)#else#end",
		want: []string{
			"1:19-1:24 #else without a matching #if (inside #foreach)",
		},
	},
	{
		name: "unbalanced parentheses in set",
		src:  "#set($x = ($a + 1)\n{\"k\": 1}",
		want: []string{
			"1:1-1:19 unbalanced parentheses in #set: missing )",
		},
	},
	{
		name: "unbalanced parentheses in if at end of input",
		src:  "#if(($a)",
		want: []string{
			"1:1-1:9 unbalanced parentheses in #if: missing )",
			"1:1-1:9 unclosed #if: missing #end",
		},
	},
	{
		name: "unterminated string in set",
		src:  "#set($x = \"abc)\n\"k\": 1\n#end",
		want: []string{
			"1:11-1:16 unterminated string literal",
			"3:1-3:5 #end without a matching directive",
		},
	},
	{
		name: "unterminated string at end of input",
		src:  "#set($x = 'abc",
		want: []string{
			"1:11-1:15 unterminated string literal",
		},
	},
	{
		name: "unterminated string in method argument",
		src:  "{\"a\": \"$input.path('$.a)\",\n\"b\": \"$input.path('$.b')\"}",
		want: []string{
			"1:20-1:27 unterminated string literal",
		},
	},
	{
		name: "missing parenthesis in method call",
		src:  "\"x\": \"$util.escapeJavaScript($input.path('$.x')\"\n}",
		want: []string{
			"1:7-1:48 unbalanced parentheses in $util.escapeJavaScript(...): missing )",
		},
	},
	{
		name: "unexpected token in condition",
		src:  "#if($a = 1) yes #end",
		want: []string{
			`1:8-1:9 unexpected "=", expected )`,
		},
	},
	{
		name: "missing condition",
		src:  "#if()x#end",
		want: []string{
			"1:5-1:6 missing condition in #if",
		},
	},
	{
		name: "missing parenthesis after if",
		src:  "#if $a x#end",
		want: []string{
			"1:1-1:4 missing ( after #if",
		},
	},
	{
		name: "set target must be a reference",
		src:  "#set(x = 1)",
		want: []string{
			`1:6-1:7 unexpected word "x", expected a reference to assign in #set`,
		},
	},
	{
		name: "set without value",
		src:  "#set($x)",
		want: []string{
			`1:8-1:9 unexpected ")", expected =`,
		},
	},
	{
		name: "foreach without in",
		src:  "#foreach($x $list)#end",
		want: []string{
			`1:13-1:14 unexpected "$", expected "in"`,
		},
	},
	{
		name: "unary minus",
		src:  "#set($x = -$y)",
		want: []string{
			"1:11-1:12 unexpected -: Velocity has no unary minus",
		},
	},
	{
		name: "empty index",
		src:  "$a[]",
		want: []string{
			`1:4-1:5 unexpected "]", expected an index`,
		},
	},
	{
		name: "bare word method argument",
		src:  "$a.b(c) ok",
		want: []string{
			`1:6-1:7 unexpected word "c"`,
		},
	},
	{
		name: "missing closing brace",
		src:  "${a.b x",
		want: []string{
			"1:1-1:6 missing } in ${a.b} reference",
		},
	},
	{
		name: "unterminated block comment",
		src:  "a #* b",
		want: []string{
			"1:3-1:5 unterminated block comment: missing *#",
		},
	},
	{
		name: "unterminated unparsed block",
		src:  "a #[[ b",
		want: []string{
			"1:3-1:6 unterminated #[[ block: missing ]]#",
		},
	},
	{
		name: "integer out of range",
		src:  "#set($x = 99999999999999999999)",
		want: []string{
			"1:11-1:31 integer literal 99999999999999999999 out of range",
		},
	},
	{
		name: "error inside interpolated string",
		src:  `#set($s = "a #if($x) b")`,
		want: []string{
			"1:14-1:21 unclosed #if: missing #end",
		},
	},
	{
		name: "macro without parenthesis",
		src:  "#macro x#end",
		want: []string{
			"1:1-1:7 missing ( after #macro",
		},
	},
	{
		name: "several independent errors",
		src:  "#set($a = 1)\n#set($b = \"oops)\n{\n  \"k\": \"$b\",\n  #if($a = 2)x#end\n  \"m\": $input.path('$.m'\n}\n#if($c)\n#end\n#end\n#foreach($i in $l)\n",
		want: []string{
			"2:11-2:17 unterminated string literal",
			`5:10-5:11 unexpected "=", expected )`,
			"6:8-6:25 unbalanced parentheses in $input.path(...): missing )",
			"10:1-10:5 #end without a matching directive",
			"11:1-11:19 unclosed #foreach: missing #end",
		},
	},
}
