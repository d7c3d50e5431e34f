package javaregex

import "math"

// treeInfo mirrors Pattern.TreeInfo, which Java computes for the body of a
// lookbehind: Java rejects a lookbehind whose maximum length is not
// "obvious" and only tries start positions between maxLength and minLength
// characters back. The arithmetic is Java's 32-bit int arithmetic, overflow
// included, because Java's behaviour depends on it: (?<=a*) is accepted
// (maxLength = MAX_REPS) while (?<=(?:ab)*) is not.
type treeInfo struct {
	minLength, maxLength int32
	maxValid             bool
	deterministic        bool
}

func (t *treeInfo) reset() { *t = treeInfo{maxValid: true, deterministic: true} }

// cont is the rest of a Java node chain to study after a node.
type cont struct {
	n    *node
	next *cont
}

// study mirrors head.study(info) for a lookbehind or group body.
func study(n *node) treeInfo {
	var t treeInfo
	t.reset()
	t.chain(n, nil)
	return t
}

func (t *treeInfo) cont(k *cont) {
	if k != nil {
		t.chain(k.n, k.next)
	}
}

func isGroupLike(n *node) bool { return n.op == opCapture || n.op == opGroup }

// chain studies n followed by k, the way each Java node's study calls
// next.study.
func (t *treeInfo) chain(n *node, k *cont) {
	switch n.op {
	case opConcat:
		kk := k
		for i := len(n.subs) - 1; i >= 1; i-- {
			kk = &cont{n.subs[i], kk}
		}
		t.chain(n.subs[0], kk)
	case opSet:
		t.minLength++
		t.maxLength++
		t.cont(k)
	case opCapture, opGroup:
		// GroupHead and GroupTail pass through.
		t.chain(n.sub, k)
	case opAlt:
		t.branch(n.subs, k)
	case opAtomic:
		// Ques(INDEPENDENT): atom.study(info) without reset.
		t.chain(n.sub, nil)
		t.cont(k)
	case opBackref:
		t.maxValid = false
		t.cont(k)
	case opLineEnding:
		t.minLength++
		t.maxLength += 2
		t.cont(k)
	case opGrapheme:
		t.minLength++
		t.deterministic = false
		t.cont(k)
	case opRepeat:
		t.repeat(n, k)
	default: // opEmpty, opLook, opAssert: Node.study
		t.cont(k)
	}
}

// branch mirrors Branch.study: alternatives are studied on their own, the
// continuation on a fresh TreeInfo, and the results added up.
func (t *treeInfo) branch(alts []*node, k *cont) {
	minL, maxL, maxV := t.minLength, t.maxLength, t.maxValid
	minL2, maxL2 := int32(math.MaxInt32), int32(-1)
	for _, a := range alts {
		t.reset()
		if a != nil {
			t.chain(a, nil)
		}
		minL2 = min(minL2, t.minLength)
		maxL2 = max(maxL2, t.maxLength)
		maxV = maxV && t.maxValid
	}
	minL += minL2
	maxL += maxL2
	t.reset()
	t.cont(k)
	t.minLength += minL
	t.maxLength += maxL
	t.maxValid = t.maxValid && maxV
	t.deterministic = false
}

// repeat studies a quantified node the way the Java node it becomes does.
func (t *treeInfo) repeat(n *node, k *cont) {
	switch {
	case n.min == 0 && n.max == 1:
		if isGroupLike(n.sub) && n.quant != qPossessive {
			// group0 turns (X)? and (X)?? into Branch(head, null).
			t.branch([]*node{n.sub, nil}, k)
			return
		}
		// Ques.study
		minL := t.minLength
		t.chain(n.sub, nil)
		t.minLength = minL
		t.deterministic = false
		t.cont(k)
	case n.open && n.quant == qGreedy && n.sub.op == opSet:
		// CharPropertyGreedy.study
		t.minLength += int32(n.min)
		if t.maxValid {
			t.maxLength += maxReps
		}
		t.deterministic = false
		t.cont(k)
	case isGroupLike(n.sub) && n.quant != qPossessive:
		// group0 makes a GroupCurly of a deterministic group, else a Loop.
		if !study(n.sub).deterministic {
			t.maxValid = false
			t.deterministic = false
			return // Loop.study does not go on
		}
		t.curly(n, k)
	default:
		t.curly(n, k)
	}
}

// curly mirrors Curly.study (and GroupCurly.study, which is the same).
func (t *treeInfo) curly(n *node, k *cont) {
	minL, maxL, maxV, detm := t.minLength, t.maxLength, t.maxValid, t.deterministic
	cmin, cmax := int32(n.min), int32(n.max)
	t.reset()
	t.chain(n.sub, nil)
	temp := t.minLength*cmin + minL
	if temp < minL {
		temp = 0xFFFFFFF // arbitrary large number
	}
	t.minLength = temp
	if maxV && t.maxValid {
		temp = t.maxLength*cmax + maxL
		t.maxLength = temp
		if temp < maxL {
			t.maxValid = false
		}
	} else {
		t.maxValid = false
	}
	if t.deterministic && cmin == cmax {
		t.deterministic = detm
	} else {
		t.deterministic = false
	}
	t.cont(k)
}
