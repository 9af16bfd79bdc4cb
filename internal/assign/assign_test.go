package assign_test

import (
	"math/rand/v2"
	"testing"

	"github.com/mentorat/mentorat/internal/assign"
)

// best finds the highest total score, and the most rows assigned at that
// score, by trying every assignment.
func best(scores [][]int, capacity []int) (int, int) {
	left := append([]int(nil), capacity...)
	var walk func(r int) (int, int)
	walk = func(r int) (int, int) {
		if r == len(scores) {
			return 0, 0
		}
		bestScore, bestCount := walk(r + 1) // nobody for row r
		for c, s := range scores[r] {
			if s == assign.Forbidden || left[c] == 0 {
				continue
			}
			left[c]--
			score, count := walk(r + 1)
			left[c]++
			if score+s > bestScore || (score+s == bestScore && count+1 > bestCount) {
				bestScore, bestCount = score+s, count+1
			}
		}
		return bestScore, bestCount
	}
	return walk(0)
}

// check verifies an assignment: capacities kept, no forbidden pair, and
// its total and count.
func check(t *testing.T, scores [][]int, capacity []int, got []int) (int, int) {
	t.Helper()
	used := make([]int, len(capacity))
	total, count := 0, 0
	for r, c := range got {
		if c < 0 {
			continue
		}
		if scores[r][c] == assign.Forbidden {
			t.Fatalf("row %d assigned to forbidden column %d", r, c)
		}
		used[c]++
		if used[c] > capacity[c] {
			t.Fatalf("column %d over its capacity %d", c, capacity[c])
		}
		total += scores[r][c]
		count++
	}
	return total, count
}

func TestMaxScoreIsOptimal(t *testing.T) {
	cases := []struct {
		name     string
		scores   [][]int
		capacity []int
		want     []int
	}{
		{"nothing to assign", nil, []int{1}, []int{}},
		{"no mentor", [][]int{{}, {}}, nil, []int{-1, -1}},
		{"the greedy choice is wrong", [][]int{{10, 9}, {10, 0}}, []int{1, 1}, []int{1, 0}},
		{"a capacity of two", [][]int{{5, 1}, {5, 1}, {5, 1}}, []int{2, 1}, nil},
		{"forbidden everywhere", [][]int{{assign.Forbidden}}, []int{3}, []int{-1}},
		{"a score of zero beats nobody", [][]int{{0}}, []int{1}, []int{0}},
		{"a full mentor", [][]int{{7, 1}}, []int{0, 1}, []int{1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := assign.MaxScore(tc.scores, tc.capacity)
			total, count := check(t, tc.scores, tc.capacity, got)
			wantTotal, wantCount := best(tc.scores, tc.capacity)
			if total != wantTotal || count != wantCount {
				t.Errorf("total %d with %d assigned (%v), want %d with %d", total, count, got, wantTotal, wantCount)
			}
			if tc.want != nil && len(tc.want) == len(got) {
				for i := range got {
					if got[i] != tc.want[i] {
						t.Errorf("assignment %v, want %v", got, tc.want)
						break
					}
				}
			}
		})
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		rows, cols := 1+rng.IntN(6), 1+rng.IntN(4)
		scores := make([][]int, rows)
		for r := range scores {
			scores[r] = make([]int, cols)
			for c := range scores[r] {
				scores[r][c] = rng.IntN(5) - 1 // some Forbidden, many ties
				if scores[r][c] < 0 {
					scores[r][c] = assign.Forbidden
				}
			}
		}
		capacity := make([]int, cols)
		for c := range capacity {
			capacity[c] = rng.IntN(3)
		}
		got := assign.MaxScore(scores, capacity)
		total, count := check(t, scores, capacity, got)
		if wantTotal, wantCount := best(scores, capacity); total != wantTotal || count != wantCount {
			t.Fatalf("case %d: %v cap %v: total %d with %d assigned, want %d with %d", i, scores, capacity, total, count, wantTotal, wantCount)
		}
	}
}

// BenchmarkMaxScore500x200 is "suggest all" for a cohort of 500 accepted
// applications and 200 mentors of 3 free places each.
func BenchmarkMaxScore500x200(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	scores := make([][]int, 500)
	for r := range scores {
		scores[r] = make([]int, 200)
		for c := range scores[r] {
			scores[r][c] = rng.IntN(101)
			if rng.IntN(10) == 0 {
				scores[r][c] = assign.Forbidden
			}
		}
	}
	capacity := make([]int, 200)
	for c := range capacity {
		capacity[c] = 3
	}
	for b.Loop() {
		assign.MaxScore(scores, capacity)
	}
}
