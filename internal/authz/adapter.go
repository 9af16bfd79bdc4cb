package authz

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/casbin/casbin/v2/model"
	"github.com/casbin/casbin/v2/persist"
	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// ruleRow is one casbin policy line: its ptype and up to six values.
type ruleRow struct {
	bun.BaseModel `bun:"table:casbin_rule"`

	ID    domain.ID `bun:"id,pk,type:uuid"`
	Ptype string    `bun:"ptype"`
	V0    string    `bun:"v0"`
	V1    string    `bun:"v1"`
	V2    string    `bun:"v2"`
	V3    string    `bun:"v3"`
	V4    string    `bun:"v4"`
	V5    string    `bun:"v5"`
}

// maxValues is how many values a line may hold: v0 to v5.
const maxValues = 6

func newRuleRow(ptype string, rule []string) (*ruleRow, error) {
	if len(rule) > maxValues {
		return nil, fmt.Errorf("a %s rule of %d values: at most %d fit", ptype, len(rule), maxValues)
	}
	v := make([]string, maxValues)
	copy(v, rule)
	return &ruleRow{ID: domain.NewID(), Ptype: ptype, V0: v[0], V1: v[1], V2: v[2], V3: v[3], V4: v[4], V5: v[5]}, nil
}

// line gives the row as casbin reads it: the ptype, then the values
// without the empty ones at the end.
func (r *ruleRow) line() []string {
	v := []string{r.Ptype, r.V0, r.V1, r.V2, r.V3, r.V4, r.V5}
	for len(v) > 1 && v[len(v)-1] == "" {
		v = v[:len(v)-1]
	}
	return v
}

// Adapter keeps casbin's policy in the casbin_rule table. Every change
// also increments the policy version, in the same transaction, so that
// every Enforcer over the database notices it.
type Adapter struct {
	db *bun.DB
}

var (
	_ persist.Adapter        = (*Adapter)(nil)
	_ persist.ContextAdapter = (*Adapter)(nil)
)

// NewAdapter gives the adapter over db, which must hold the casbin tables.
func NewAdapter(db *bun.DB) *Adapter { return &Adapter{db: db} }

// Version gives the policy version: it grows with every change.
func (a *Adapter) Version(ctx context.Context) (int64, error) {
	var v int64
	if err := a.db.NewRaw("SELECT version FROM casbin_policy_version WHERE id = 1").Scan(ctx, &v); err != nil {
		return 0, fmt.Errorf("read the policy version: %w", err)
	}
	return v, nil
}

// LoadPolicy loads every rule into m.
func (a *Adapter) LoadPolicy(m model.Model) error { return a.LoadPolicyCtx(context.Background(), m) }

// LoadPolicyCtx loads every rule into m.
func (a *Adapter) LoadPolicyCtx(ctx context.Context, m model.Model) error {
	var rows []ruleRow
	err := a.db.NewSelect().Model(&rows).Order("ptype", "v0", "v1", "v2", "v3", "v4", "v5").Scan(ctx)
	if err != nil {
		return fmt.Errorf("load the policy: %w", err)
	}
	for _, r := range rows {
		if err := persist.LoadPolicyArray(r.line(), m); err != nil {
			return fmt.Errorf("load the policy: %w", err)
		}
	}
	return nil
}

// SavePolicy replaces every stored rule with those of m.
func (a *Adapter) SavePolicy(m model.Model) error { return a.SavePolicyCtx(context.Background(), m) }

// insertBatch bounds the rows of one INSERT, under SQLite's limit on the
// parameters of a statement.
const insertBatch = 500

// SavePolicyCtx replaces every stored rule with those of m.
func (a *Adapter) SavePolicyCtx(ctx context.Context, m model.Model) error {
	var rows []*ruleRow
	for _, sec := range []string{"p", "g"} {
		for ptype, assertion := range m[sec] {
			for _, rule := range assertion.Policy {
				r, err := newRuleRow(ptype, rule)
				if err != nil {
					return err
				}
				rows = append(rows, r)
			}
		}
	}
	return a.change(ctx, func(tx bun.Tx) (bool, error) {
		if _, err := tx.NewDelete().Model((*ruleRow)(nil)).Where("1 = 1").Exec(ctx); err != nil {
			return false, err
		}
		for batch := range slices.Chunk(rows, insertBatch) {
			if _, err := tx.NewInsert().Model(&batch).Exec(ctx); err != nil {
				return false, err
			}
		}
		return true, nil
	})
}

// AddPolicy stores a rule; storing one already there changes nothing.
func (a *Adapter) AddPolicy(sec, ptype string, rule []string) error {
	return a.AddPolicyCtx(context.Background(), sec, ptype, rule)
}

// AddPolicyCtx stores a rule; storing one already there changes nothing.
func (a *Adapter) AddPolicyCtx(ctx context.Context, _, ptype string, rule []string) error {
	return a.addPolicies(ctx, ptype, [][]string{rule})
}

// addPolicies stores the rules missing among rules, in one transaction.
func (a *Adapter) addPolicies(ctx context.Context, ptype string, rules [][]string) error {
	rows := make([]*ruleRow, len(rules))
	for i, rule := range rules {
		r, err := newRuleRow(ptype, rule)
		if err != nil {
			return err
		}
		rows[i] = r
	}
	return a.change(ctx, func(tx bun.Tx) (bool, error) {
		added := false
		for batch := range slices.Chunk(rows, insertBatch) {
			inserted, err := changedRows(tx.NewInsert().Model(&batch).On("CONFLICT DO NOTHING").Exec(ctx))
			if err != nil {
				return false, err
			}
			added = added || inserted
		}
		return added, nil
	})
}

// RemovePolicy deletes a rule; deleting one that is not there changes
// nothing.
func (a *Adapter) RemovePolicy(sec, ptype string, rule []string) error {
	return a.RemovePolicyCtx(context.Background(), sec, ptype, rule)
}

// RemovePolicyCtx deletes a rule; deleting one that is not there changes
// nothing.
func (a *Adapter) RemovePolicyCtx(ctx context.Context, _, ptype string, rule []string) error {
	r, err := newRuleRow(ptype, rule)
	if err != nil {
		return err
	}
	return a.change(ctx, func(tx bun.Tx) (bool, error) {
		return changedRows(tx.NewDelete().Model((*ruleRow)(nil)).
			Where("ptype = ? AND v0 = ? AND v1 = ? AND v2 = ? AND v3 = ? AND v4 = ? AND v5 = ?",
				r.Ptype, r.V0, r.V1, r.V2, r.V3, r.V4, r.V5).
			Exec(ctx))
	})
}

// RemoveFilteredPolicy deletes the rules whose values, from fieldIndex on,
// equal fieldValues; an empty value matches anything.
func (a *Adapter) RemoveFilteredPolicy(sec, ptype string, fieldIndex int, fieldValues ...string) error {
	return a.RemoveFilteredPolicyCtx(context.Background(), sec, ptype, fieldIndex, fieldValues...)
}

// RemoveFilteredPolicyCtx deletes the rules whose values, from fieldIndex
// on, equal fieldValues; an empty value matches anything.
func (a *Adapter) RemoveFilteredPolicyCtx(ctx context.Context, _, ptype string, fieldIndex int, fieldValues ...string) error {
	if fieldIndex < 0 || fieldIndex+len(fieldValues) > maxValues {
		return fmt.Errorf("a filter on values %d to %d: only v0 to v%d exist", fieldIndex, fieldIndex+len(fieldValues)-1, maxValues-1)
	}
	return a.change(ctx, func(tx bun.Tx) (bool, error) {
		q := tx.NewDelete().Model((*ruleRow)(nil)).Where("ptype = ?", ptype)
		for i, v := range fieldValues {
			if v != "" {
				q = q.Where("? = ?", bun.Ident(fmt.Sprintf("v%d", fieldIndex+i)), v)
			}
		}
		return changedRows(q.Exec(ctx))
	})
}

// change runs write in a transaction and, when it reports a change,
// increments the policy version in the same transaction.
func (a *Adapter) change(ctx context.Context, write func(tx bun.Tx) (changed bool, err error)) error {
	err := a.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		changed, err := write(tx)
		if err != nil || !changed {
			return err
		}
		_, err = tx.NewRaw("UPDATE casbin_policy_version SET version = version + 1 WHERE id = 1").Exec(ctx)
		return err
	})
	if err != nil {
		return fmt.Errorf("change the policy: %w", err)
	}
	return nil
}

// changedRows tells whether a statement's result touched a row.
func changedRows(res sql.Result, err error) (bool, error) {
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}
