package service

import (
	"context"
	"sync"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// maxKeptPools bounds how many alliances' mentor pools are kept at once.
const maxKeptPools = 256

// mentorPools keeps alliances' mentor candidates in memory, each with the
// pool version it was read at. Ranking the mentors for an application then
// costs one read of the version instead of reading every mentor, their
// mentorships and the charter's acceptances, and is never stale: the
// database's triggers move the version with every change that matching
// weighs, whichever process makes it. The zero value is ready to use.
type mentorPools struct {
	mu   sync.Mutex
	kept map[domain.ID]mentorPool
}

// mentorPool is one alliance's candidates as of a version. Its candidates
// are shared by every caller: read them, never change them.
type mentorPool struct {
	version    int64
	candidates []domain.MentorCandidate
}

// candidates gives the alliance's mentor candidates as tx sees them,
// kept or read anew.
//
// SECURITY: alliance is the tenant of tx.
func (p *mentorPools) candidates(ctx context.Context, tx *store.Tx, alliance domain.ID) ([]domain.MentorCandidate, error) {
	// The version is read first: candidates read after it are at least as
	// recent, so a pool is never kept under a version newer than itself.
	version, err := tx.MentorPoolVersion(ctx, alliance)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	pool, ok := p.kept[alliance]
	p.mu.Unlock()
	if ok && pool.version == version {
		return pool.candidates, nil
	}
	cands, err := tx.MentorCandidates(ctx, alliance)
	if err != nil {
		return nil, err
	}
	p.keep(alliance, mentorPool{version: version, candidates: cands})
	return cands, nil
}

// keep records a pool unless a newer one is kept already, making room
// when too many alliances are kept.
func (p *mentorPools) keep(alliance domain.ID, pool mentorPool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.kept == nil {
		p.kept = map[domain.ID]mentorPool{}
	}
	old, ok := p.kept[alliance]
	if ok && old.version > pool.version {
		return
	}
	if !ok && len(p.kept) >= maxKeptPools {
		for other := range p.kept { // any one: the map's order is random
			delete(p.kept, other)
			break
		}
	}
	p.kept[alliance] = pool
}
