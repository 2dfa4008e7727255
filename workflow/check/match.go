package check

// smallMatch is the largest len(a)×len(b) that matching compares pair by
// pair; larger lists, which only hostile text has, go through a map.
const smallMatch = 1024

// unmatched compares a and b as multisets, each item of a taking the first
// equal item of b not yet taken. It returns the indexes of the items of a
// that found no match, and of the items of b that none took.
func unmatched(a, b []string) (onlyA, onlyB []int) {
	taken := make([]bool, len(b))
	if len(a)*len(b) <= smallMatch {
		for i, x := range a {
			found := false
			for j, y := range b {
				if !taken[j] && x == y {
					taken[j], found = true, true
					break
				}
			}
			if !found {
				onlyA = append(onlyA, i)
			}
		}
	} else {
		at := make(map[string][]int, len(b))
		for j, y := range b {
			at[y] = append(at[y], j)
		}
		for i, x := range a {
			if js := at[x]; len(js) > 0 {
				taken[js[0]] = true
				at[x] = js[1:]
			} else {
				onlyA = append(onlyA, i)
			}
		}
	}
	for j, t := range taken {
		if !t {
			onlyB = append(onlyB, j)
		}
	}
	return onlyA, onlyB
}
