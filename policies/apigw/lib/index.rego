# METADATA
# description: |
#   Lookups by ID over the model, computed once per evaluation. A policy that
#   finds an element by scanning a list for each lookup is quadratic: on a
#   tree of 1,000 APIs that is a million comparisons per rule. The analyzer
#   guarantees that IDs are unique within each list.
package apigw.lib.index

apis := {a.id: a | some a in input.apis}

domains := {d.id: d | some d in input.domains}

stages := {s.id: s | some s in input.stages}

usage_plans := {p.id: p | some p in input.usage_plans}

certificates := {c.id: c | some c in input.certificates}
