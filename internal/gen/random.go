package gen

import (
	"math/rand/v2"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// source is the random choices of one alliance: seeded by the run's seed
// and the alliance's number, so that each alliance comes out the same
// whether the alliances are built in order or at once.
type source struct {
	*rand.Rand
}

func newSource(seed uint64, alliance int) source {
	return source{rand.New(rand.NewPCG(seed, uint64(alliance)))}
}

// chance is true with probability p.
func (s source) chance(p float64) bool { return s.Float64() < p }

// between gives a whole number from lo to hi, both included.
func (s source) between(lo, hi int) int { return lo + s.IntN(hi-lo+1) }

// instant gives a moment between from and to, to the second.
func (s source) instant(from, to time.Time) time.Time {
	if !to.After(from) {
		return from
	}
	return from.Add(time.Duration(s.Int64N(int64(to.Sub(from))))).Truncate(time.Second)
}

// id gives a UUIDv7 of the moment at, its random bits drawn from s: rows
// sort by creation as the product's own ids do, and a seed gives the same
// ids every time.
func (s source) id(at time.Time) domain.ID {
	var id domain.ID
	ms := uint64(at.UnixMilli())
	for i := range 6 {
		id[i] = byte(ms >> (40 - 8*i))
	}
	r1, r2 := s.Uint64(), s.Uint64()
	for i := range 8 {
		id[8+i] = byte(r1 >> (8 * i))
	}
	id[6] = 0x70 | byte(r2&0x0f)
	id[7] = byte(r2 >> 8)
	id[8] = 0x80 | id[8]&0x3f
	return id
}

// pick gives one item of list.
func pick[T any](s source, list []T) T { return list[s.IntN(len(list))] }

// pickWeighted gives one item of list, each as likely as its weight.
func pickWeighted[T any](s source, list []weighted[T]) T {
	total := 0
	for _, w := range list {
		total += w.weight
	}
	n := s.IntN(total)
	for _, w := range list {
		if n < w.weight {
			return w.item
		}
		n -= w.weight
	}
	return list[len(list)-1].item
}

// weighted is an item and how often it comes, relative to the others.
type weighted[T any] struct {
	item   T
	weight int
}

// pickDistinct gives n different items of list, in a random order.
func pickDistinct[T any](s source, list []T, n int) []T {
	order := s.Perm(len(list))
	out := make([]T, 0, min(n, len(list)))
	for _, i := range order[:min(n, len(list))] {
		out = append(out, list[i])
	}
	return out
}
