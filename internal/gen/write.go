package gen

import (
	"context"
	"fmt"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/store"
)

// Rows per INSERT statement: wide applications and logged sessions in
// smaller batches, so that no statement grows past a megabyte or so.
const (
	narrowRowsPerInsert   = 2000
	applicationsPerInsert = 500
	mentorshipsPerInsert  = 150 // with their sessions, twelve times as many
	peerSessionsPerInsert = 50  // with their invitees, up to two hundred each
)

// write stores one alliance: the alliance and its accounts in a platform
// transaction, then everything else in one transaction of the alliance.
// Each application's follow link is a fresh random token, kept by
// nobody: generated applicants follow theirs by signing in.
func write(ctx context.Context, db *store.DB, d *allianceData, passwordHash string) error {
	err := db.InPlatform(ctx, func(tx *store.Tx) error {
		if err := tx.InsertAlliance(ctx, d.alliance); err != nil {
			return err
		}
		return inBatches(len(d.users), narrowRowsPerInsert, func(lo, hi int) error {
			return tx.InsertUsers(ctx, d.users[lo:hi], passwordHash)
		})
	})
	if err != nil {
		return fmt.Errorf("alliance %s and its accounts: %w", d.alliance.Slug, err)
	}
	followHashes := make([]string, len(d.applications))
	for i := range followHashes {
		followHashes[i] = auth.Hash(auth.NewToken())
	}
	id := d.alliance.ID
	err = db.InTenant(ctx, id, func(tx *store.Tx) error {
		steps := []func() error{
			func() error {
				return inBatches(len(d.members), narrowRowsPerInsert, func(lo, hi int) error {
					return tx.InsertMembers(ctx, id, d.members[lo:hi])
				})
			},
			func() error { return tx.InsertCohorts(ctx, id, d.cohorts) }, // a dozen at most
			func() error { return tx.InsertCharterVersions(ctx, id, d.charter) },
			func() error {
				return inBatches(len(d.acceptances), narrowRowsPerInsert, func(lo, hi int) error {
					return tx.InsertCharterAcceptances(ctx, id, d.acceptances[lo:hi])
				})
			},
			func() error {
				return inBatches(len(d.applications), applicationsPerInsert, func(lo, hi int) error {
					return tx.InsertApplications(ctx, id, d.applications[lo:hi], followHashes[lo:hi])
				})
			},
			func() error {
				return inBatches(len(d.events), narrowRowsPerInsert, func(lo, hi int) error {
					return tx.InsertApplicationEvents(ctx, id, d.eventApps[lo:hi], d.events[lo:hi])
				})
			},
			func() error {
				return inBatches(len(d.mentorships), mentorshipsPerInsert, func(lo, hi int) error {
					return tx.InsertMentorshipJourneys(ctx, id, d.mentorships[lo:hi], d.ratedAt[lo:hi])
				})
			},
			func() error {
				return inBatches(len(d.actions), narrowRowsPerInsert, func(lo, hi int) error {
					return tx.InsertActions(ctx, id, d.actions[lo:hi])
				})
			},
			func() error {
				return inBatches(len(d.privateNotes), narrowRowsPerInsert, func(lo, hi int) error {
					return tx.InsertPrivateNotes(ctx, id, d.privateNotes[lo:hi])
				})
			},
			func() error {
				return inBatches(len(d.surveys), narrowRowsPerInsert, func(lo, hi int) error {
					return tx.InsertEndSurveys(ctx, id, d.surveys[lo:hi])
				})
			},
			func() error {
				return inBatches(len(d.peerSessions), peerSessionsPerInsert, func(lo, hi int) error {
					return tx.InsertPeerSessions(ctx, id, d.peerSessions[lo:hi])
				})
			},
		}
		for _, step := range steps {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("alliance %s: %w", d.alliance.Slug, err)
	}
	return nil
}

// inBatches calls insert on the consecutive ranges [lo, hi) of n rows, at
// most size rows each.
func inBatches(n, size int, insert func(lo, hi int) error) error {
	for lo := 0; lo < n; lo += size {
		if err := insert(lo, min(lo+size, n)); err != nil {
			return err
		}
	}
	return nil
}
