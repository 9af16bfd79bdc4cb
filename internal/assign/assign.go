// Package assign solves the assignment of entrepreneurs to mentors with
// capacities so that the total score is the highest: the Hungarian method
// with potentials (shortest augmenting paths), over each mentor's free
// places, with a "nobody" place for every entrepreneur so that one whom no
// mentor may take stays unassigned.
package assign

import "math"

// Forbidden marks a pair that may not be assigned.
const Forbidden = -1

// MaxScore gives, for each row (an entrepreneur), the column (a mentor) it
// is assigned to, or -1; scores[r][c] is the pair's score (0 or more), or
// Forbidden. capacity[c] is how many rows column c may take. No other
// assignment within the capacities has a higher total score, and among
// those with the highest, none assigns more rows.
func MaxScore(scores [][]int, capacity []int) []int {
	n := len(scores)
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	if n == 0 {
		return out
	}
	// Columns of the cost matrix: one per free place of each mentor, then
	// one "nobody" place per row.
	var owner []int
	for c, k := range capacity {
		for range k {
			owner = append(owner, c)
		}
	}
	places := len(owner)
	m := places + n
	// An assigned pair costs less than nobody (0) by its score times n+1,
	// plus one: the total score comes first, then the number assigned (n
	// rows can never add up to one point of score), so that a pair of score
	// 0 is still preferred to no mentor at all. A forbidden pair costs more
	// than nobody.
	weight := int64(n + 1)
	cost := func(r, j int) int64 {
		if j >= places {
			return 0
		}
		s := scores[r][owner[j]]
		if s == Forbidden {
			return 1
		}
		return -int64(s)*weight - 1
	}
	const inf = math.MaxInt64 / 4
	// 1-based arrays, as the method is usually written: row 0 and column 0
	// are the sentinel of each augmentation.
	u := make([]int64, n+1)
	v := make([]int64, m+1)
	match := make([]int, m+1) // the row holding each column, 0 for none
	way := make([]int, m+1)
	minv := make([]int64, m+1)
	used := make([]bool, m+1)
	for r := 1; r <= n; r++ {
		match[0] = r
		j0 := 0
		for j := range minv {
			minv[j], used[j] = inf, false
		}
		for {
			used[j0] = true
			r0, delta, j1 := match[j0], int64(inf), 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := cost(r0-1, j-1) - u[r0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[match[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if match[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			match[j0] = match[j1]
			j0 = j1
		}
	}
	for j := 1; j <= places; j++ {
		if r := match[j]; r != 0 && scores[r-1][owner[j-1]] != Forbidden {
			out[r-1] = owner[j-1]
		}
	}
	return out
}
