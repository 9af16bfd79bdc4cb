package domain

import "time"

// GuideEdition is a numbered state of an alliance's Mentor Guide: when its
// writers have changed the library enough, they publish a new edition and
// every mentor is asked to acknowledge it, as they accept the charter.
type GuideEdition struct {
	Edition     int
	Note        string // what changed, in the writer's words
	PublishedBy ID
	PublishedAt time.Time
}

// GuideNoteMax bounds the note of an edition, in characters.
const GuideNoteMax = 2000

// GuideAcknowledgement records that a member read an edition of the guide:
// who, which, when and from which address. It is kept forever.
type GuideAcknowledgement struct {
	Edition        int
	UserID         ID
	Name           string
	AcknowledgedAt time.Time
	IP             string
}
