package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// The lists of a session's forms come as rows of parallel fields: an
// agenda's or a log's obstacles (prefix_kind, prefix_text), a log's
// actions (action_text, action_owner, action_due). Without JavaScript to
// add a row, the form shows a few empty ones; the empty rows are left
// out, and a message about an item is shown on the row it came from,
// named prefix_row[row].field.

// obstacleRow is one row of a list of obstacles as the form shows it.
type obstacleRow struct {
	N, Pos               int // from 0, and from 1 for people
	Kind, Text           string
	KindField, TextField string // the names of its messages
}

// actionRow is one row of a log's actions as the form shows it.
type actionRow struct {
	N, Pos                          int
	Text, Owner, Due                string
	TextField, OwnerField, DueField string
}

// rowCount is how many rows to show for a list whose rows came with
// texts, the empty ones included: at least least, with two empty rows to
// fill when there is room, never fewer than came nor, beyond those, more
// than a list holds.
func rowCount(texts []string, least int) int {
	empty := 0
	for _, t := range texts {
		if strings.TrimSpace(t) == "" {
			empty++
		}
	}
	n := max(len(texts)+max(0, 2-empty), least)
	return max(min(n, domain.SessionItemsMax), len(texts))
}

// obstacleList is a list of obstacles of a form, as the template
// "obstacle-rows" shows it: the prefix names its fields and ids.
type obstacleList struct {
	Form   *form
	Prefix string
	Rows   []obstacleRow
}

// obstacleRows gives the list of obstacles prefix of f, in rows.
func obstacleRows(f *form, prefix string, least int) obstacleList {
	kinds, texts := f.Values[prefix+"_kind"], f.Values[prefix+"_text"]
	rows := make([]obstacleRow, rowCount(texts, least))
	for i := range rows {
		field := prefix + "_row[" + strconv.Itoa(i) + "]"
		rows[i] = obstacleRow{N: i, Pos: i + 1, Kind: string(domain.ObstacleBusiness), KindField: field + ".kind", TextField: field + ".text"}
		if i < len(kinds) && kinds[i] != "" {
			rows[i].Kind = kinds[i]
		}
		if i < len(texts) {
			rows[i].Text = texts[i]
		}
	}
	return obstacleList{Form: f, Prefix: prefix, Rows: rows}
}

// actionRows gives the rows of the actions of a log's form f.
func actionRows(f *form, least int) []actionRow {
	texts, owners, dues := f.Values["action_text"], f.Values["action_owner"], f.Values["action_due"]
	rows := make([]actionRow, rowCount(texts, least))
	for i := range rows {
		field := "action_row[" + strconv.Itoa(i) + "]"
		rows[i] = actionRow{N: i, Pos: i + 1, Owner: string(domain.OwnerEntrepreneur),
			TextField: field + ".text", OwnerField: field + ".owner", DueField: field + ".due_on"}
		if i < len(texts) {
			rows[i].Text = texts[i]
		}
		if i < len(owners) && owners[i] != "" {
			rows[i].Owner = owners[i]
		}
		if i < len(dues) {
			rows[i].Due = dues[i]
		}
	}
	return rows
}

// setObstacles fills the rows of the list prefix of f with items.
func setObstacles(f *form, prefix string, items []domain.Obstacle) {
	for _, it := range items {
		f.Values.Add(prefix+"_kind", string(it.Kind))
		f.Values.Add(prefix+"_text", it.Text)
	}
}

// obstaclesOf reads the list prefix of f, its empty rows left out, and
// the row each item came from.
func obstaclesOf(f *form, prefix string) (items []domain.Obstacle, rows []int) {
	kinds := f.Values[prefix+"_kind"]
	for i, text := range f.Values[prefix+"_text"] {
		if strings.TrimSpace(text) == "" {
			continue
		}
		kind := ""
		if i < len(kinds) {
			kind = kinds[i]
		}
		items = append(items, domain.Obstacle{Kind: domain.ObstacleKind(kind), Text: text})
		rows = append(rows, i)
	}
	return items, rows
}

// actionsOf reads the actions of a log's form, its empty rows left out,
// and the row each came from. A due date that is not a day stands for one
// the service refuses, and its row gets badDate.
func actionsOf(f *form, badDate string) (items []domain.ActionInput, rows []int) {
	owners, dues := f.Values["action_owner"], f.Values["action_due"]
	for i, text := range f.Values["action_text"] {
		if strings.TrimSpace(text) == "" {
			continue
		}
		a := domain.ActionInput{Text: text}
		if i < len(owners) {
			a.Owner = domain.ActionOwner(owners[i])
		}
		if i < len(dues) && strings.TrimSpace(dues[i]) != "" {
			due, ok := domain.ParseDay(dues[i])
			if !ok {
				f.fail("action_row["+strconv.Itoa(i)+"].due_on", badDate)
				due = time.Time{}
			}
			a.DueOn = &due
		}
		items = append(items, a)
		rows = append(rows, i)
	}
	return items, rows
}

// rowErrors moves the messages about the items of the list from (from[i]
// and from[i].field, i among the items kept) to the rows they came from
// (to[row].field); a message about the whole list goes to to.
func rowErrors(f *form, from, to string, rows []int) {
	moved := make(map[string]string, len(f.Errors))
	for key, msg := range f.Errors {
		rest, ok := strings.CutPrefix(key, from)
		switch {
		case !ok:
			moved[key] = msg
		case rest == "":
			moved[to] = msg
		case rest[0] == '[':
			idx, tail, _ := strings.Cut(rest[1:], "]")
			i, err := strconv.Atoi(idx)
			if err != nil || i < 0 || i >= len(rows) {
				moved[to] = msg
				continue
			}
			if _, taken := moved[to+"_row["+strconv.Itoa(rows[i])+"]"+tail]; !taken {
				moved[to+"_row["+strconv.Itoa(rows[i])+"]"+tail] = msg
			}
		default:
			moved[key] = msg
		}
	}
	f.Errors = moved
}
