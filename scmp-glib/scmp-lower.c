/* scmp-lower.c: clauses → a DAG of 32-bit word tests
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-lower-private.h"

#include "scmp-bpf-private.h"
#include "scmp-range-tree-private.h"

/* Where seccomp_data keeps the low or high 32 bits of argument @arg: the
 * ABI's byte order decides which word comes first. */
static inline guint32
arg_word_off (const ScmpArchInfo *info,
              guint               arg,
              gboolean            high)
{
  return SCMP_BPF_OFF_ARGS + 8 * arg + (high != (gboolean) info->big_endian ? 4 : 0);
}

/* The values of an argument (as @bits-bit patterns) that an ordering
 * accepts: none, all, the interval [lo, hi], or all but [lo, hi]. */
typedef enum { SET_NONE, SET_ALL, SET_IN, SET_OUT } SetKind;

typedef struct {
  SetKind kind;
  guint64 lo, hi;
} ValueSet;

static ValueSet
ordering_set (const ScmpArgCond *c)
{
  guint64 max = _scmp_bits_mask (c->bits);
  /* Flipping the sign bit turns the signed order into the unsigned one. */
  guint64 flip = c->is_signed ? G_GUINT64_CONSTANT (1) << (c->bits - 1) : 0;
  guint64 d = c->datum ^ flip, lo = 0, hi = max;

  switch (c->op)
    {
    case SCMP_COMPARE_OP_LT:
      if (d == 0)
        return (ValueSet) { SET_NONE, 0, 0 };
      hi = d - 1;
      break;
    case SCMP_COMPARE_OP_LE:
      hi = d;
      break;
    case SCMP_COMPARE_OP_GT:
      if (d == max)
        return (ValueSet) { SET_NONE, 0, 0 };
      lo = d + 1;
      break;
    case SCMP_COMPARE_OP_GE:
      lo = d;
      break;
    default:
      g_assert_not_reached ();
    }
  if (lo == 0 && hi == max)
    return (ValueSet) { SET_ALL, 0, 0 };
  if (flip == 0 || hi < flip || lo >= flip)
    return (ValueSet) { SET_IN, lo ^ flip, hi ^ flip };
  /* [lo, hi] crosses zero: as bit patterns it wraps around. */
  return (ValueSet) { SET_OUT, (hi ^ flip) + 1, (lo ^ flip) - 1 };
}


/* A clause's conditions as a conjunction of atoms, so that rules sharing
 * a test (the high word of a 64-bit equality, above all) share it in the
 * program too. A word atom is one cBPF test:
 *
 *   ((word(off) & mask) <jop> k) == positive
 *
 * A condition that is not a conjunction of word tests (a 64-bit != or
 * ordering, a signed ordering that wraps around) is a whole range test:
 *
 *   (value in [a, b]) == positive
 *
 * where value is word(off) & mask, or with @wide the 64-bit argument whose
 * high word is word(off_hi). */
typedef struct {
  gboolean whole;
  gboolean wide;             /* (whole) */
  guint32  off;
  guint32  off_hi;           /* (whole, wide) */
  guint32  mask;
  guint16  jop;              /* (word) */
  guint32  k;                /* (word) */
  guint64  a, b;             /* (whole) */
  gboolean positive;
} Atom;

typedef struct {
  GArray  *atoms;            /* (element-type Atom) */
  guint32  action;
} AtomClause;

static gboolean
atom_equal (const Atom *a,
            const Atom *b)
{
  if (a->whole != b->whole || a->off != b->off || a->mask != b->mask ||
      a->positive != b->positive)
    return FALSE;
  if (a->whole)
    return a->wide == b->wide && a->off_hi == b->off_hi && a->a == b->a && a->b == b->b;
  return a->jop == b->jop && a->k == b->k;
}

static void
atoms_add_word (GArray   *atoms,
                guint32   off,
                guint32   mask,
                guint16   jop,
                guint32   k,
                gboolean  positive)
{
  Atom atom = { .off = off, .mask = mask, .jop = jop, .k = k, .positive = positive };

  g_array_append_val (atoms, atom);
}

/* Appends the atoms of (word(off) & mask) == datum; FALSE if it can never
 * hold. A test that always holds adds nothing. */
static gboolean
atoms_add_masked (GArray  *atoms,
                  guint32  off,
                  guint32  mask,
                  guint32  datum)
{
  if ((datum & ~mask) != 0)
    return FALSE;
  if (mask == 0)
    return TRUE;
  if (mask == SCMP_WORD_ALL)
    atoms_add_word (atoms, off, SCMP_WORD_ALL, BPF_JEQ, datum, TRUE);
  else if (datum == 0)
    atoms_add_word (atoms, off, SCMP_WORD_ALL, BPF_JSET, mask, FALSE);
  else if (datum == mask && (mask & (mask - 1)) == 0)
    atoms_add_word (atoms, off, SCMP_WORD_ALL, BPF_JSET, mask, TRUE);
  else
    atoms_add_word (atoms, off, mask, BPF_JEQ, datum, TRUE);
  return TRUE;
}

static void
atoms_add_range (GArray   *atoms,
                 guint32   off,
                 guint32   off_hi,
                 gboolean  wide,
                 guint32   mask,
                 guint64   a,
                 guint64   b,
                 gboolean  positive)
{
  Atom atom = { .whole = TRUE, .wide = wide, .off = off, .off_hi = wide ? off_hi : 0,
                .mask = mask, .a = a, .b = b, .positive = positive };

  g_array_append_val (atoms, atom);
}

/* 64-bit value >= @v, as word atoms where it can be. */
static void
atoms_add_wide_ge (GArray  *atoms,
                   guint32  lo_off,
                   guint32  hi_off,
                   guint64  v)
{
  if ((guint32) v == 0)
    atoms_add_word (atoms, hi_off, SCMP_WORD_ALL, BPF_JGE, (guint32) (v >> 32), TRUE);
  else
    atoms_add_range (atoms, lo_off, hi_off, TRUE, SCMP_WORD_ALL, v, G_MAXUINT64, TRUE);
}

/* 64-bit value <= @v. */
static void
atoms_add_wide_le (GArray  *atoms,
                   guint32  lo_off,
                   guint32  hi_off,
                   guint64  v)
{
  if ((guint32) v == SCMP_WORD_ALL)
    atoms_add_word (atoms, hi_off, SCMP_WORD_ALL, BPF_JGT, (guint32) (v >> 32), FALSE);
  else
    atoms_add_range (atoms, lo_off, hi_off, TRUE, SCMP_WORD_ALL, 0, v, TRUE);
}

/* Appends the atoms of @c as the kernel reads the argument on @info's
 * ABI; FALSE when it can never hold (the clause is dead). An argument of
 * 32 bits or fewer is its low word (masked below 32 bits). */
static gboolean
atoms_add_condition (GArray             *atoms,
                     const ScmpArchInfo *info,
                     const ScmpArgCond  *c)
{
  guint32 lo_off = arg_word_off (info, c->arg, FALSE);
  guint32 hi_off = arg_word_off (info, c->arg, TRUE);
  guint32 lo = (guint32) c->datum, hi = (guint32) (c->datum >> 32);
  gboolean wide = c->bits == 64;
  guint32 m = (guint32) _scmp_bits_mask (MIN (c->bits, 32));
  ValueSet set;

  switch (c->op)
    {
    case SCMP_COMPARE_OP_EQ:
      if (wide)
        atoms_add_word (atoms, hi_off, SCMP_WORD_ALL, BPF_JEQ, hi, TRUE);
      return atoms_add_masked (atoms, lo_off, m, lo);
    case SCMP_COMPARE_OP_MASKED_EQ:
      if (wide && !atoms_add_masked (atoms, hi_off, (guint32) (c->mask >> 32), hi))
        return FALSE;
      return atoms_add_masked (atoms, lo_off, (guint32) c->mask & m, lo);
    case SCMP_COMPARE_OP_NE:
      if (wide)
        atoms_add_range (atoms, lo_off, hi_off, TRUE, SCMP_WORD_ALL, c->datum, c->datum, FALSE);
      else if (m != SCMP_WORD_ALL && lo == 0)
        atoms_add_word (atoms, lo_off, SCMP_WORD_ALL, BPF_JSET, m, TRUE);
      else
        atoms_add_word (atoms, lo_off, m, BPF_JEQ, lo, FALSE);
      return TRUE;
    default:
      break;
    }

  set = ordering_set (c);
  switch (set.kind)
    {
    case SET_NONE:
      return FALSE;
    case SET_ALL:
      return TRUE;
    case SET_IN:
      if (set.lo == set.hi && wide)
        {
          atoms_add_word (atoms, hi_off, SCMP_WORD_ALL, BPF_JEQ, (guint32) (set.lo >> 32), TRUE);
          atoms_add_word (atoms, lo_off, SCMP_WORD_ALL, BPF_JEQ, (guint32) set.lo, TRUE);
        }
      else if (set.lo == set.hi)
        atoms_add_masked (atoms, lo_off, m, (guint32) set.lo);
      else if (wide)
        {
          if (set.lo > 0)
            atoms_add_wide_ge (atoms, lo_off, hi_off, set.lo);
          if (set.hi < G_MAXUINT64)
            atoms_add_wide_le (atoms, lo_off, hi_off, set.hi);
        }
      else
        {
          if (set.lo > 0)
            atoms_add_word (atoms, lo_off, m, BPF_JGE, (guint32) set.lo, TRUE);
          if (set.hi < m)
            atoms_add_word (atoms, lo_off, m, BPF_JGT, (guint32) set.hi, FALSE);
        }
      return TRUE;
    case SET_OUT:
      atoms_add_range (atoms, lo_off, hi_off, wide, wide ? SCMP_WORD_ALL : m, set.lo, set.hi, FALSE);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/* 64-bit value >= @v: the high word decides unless equal. */
static ScmpNode *
wide_ge_node (ScmpDag  *dag,
              guint32   lo_off,
              guint32   hi_off,
              guint64   v,
              ScmpNode *t,
              ScmpNode *f)
{
  guint32 h = (guint32) (v >> 32), l = (guint32) v;

  if (l == 0)
    return _scmp_dag_test (dag, hi_off, SCMP_WORD_ALL, BPF_JGE, h, t, f);
  return _scmp_dag_test (dag, hi_off, SCMP_WORD_ALL, BPF_JGT, h, t,
                    _scmp_dag_test (dag, hi_off, SCMP_WORD_ALL, BPF_JEQ, h,
                               _scmp_dag_test (dag, lo_off, SCMP_WORD_ALL, BPF_JGE, l, t, f), f));
}

/* (value in [a, b]) == positive, for a whole atom. */
static ScmpNode *
range_node (ScmpDag    *dag,
            const Atom *atom,
            ScmpNode   *t,
            ScmpNode   *f)
{
  ScmpNode *in = atom->positive ? t : f, *out = atom->positive ? f : t;
  ScmpNode *le;

  if (!atom->wide)
    {
      le = atom->b < atom->mask ? _scmp_dag_test (dag, atom->off, atom->mask, BPF_JGT,
                                             (guint32) atom->b, out, in)
                                : in;
      return atom->a > 0 ? _scmp_dag_test (dag, atom->off, atom->mask, BPF_JGE,
                                      (guint32) atom->a, le, out)
                         : le;
    }
  if (atom->a == atom->b)
    return _scmp_dag_test (dag, atom->off_hi, SCMP_WORD_ALL, BPF_JEQ, (guint32) (atom->a >> 32),
                      _scmp_dag_test (dag, atom->off, SCMP_WORD_ALL, BPF_JEQ, (guint32) atom->a, in, out),
                      out);
  /* value <= b is !(value >= b + 1). */
  le = atom->b < G_MAXUINT64 ? wide_ge_node (dag, atom->off, atom->off_hi, atom->b + 1, out, in)
                             : in;
  return atom->a > 0 ? wide_ge_node (dag, atom->off, atom->off_hi, atom->a, le, out) : le;
}

static ScmpNode *
atom_node (ScmpDag    *dag,
           const Atom *atom,
           ScmpNode   *t,
           ScmpNode   *f)
{
  if (atom->whole)
    return range_node (dag, atom, t, f);
  return _scmp_dag_test (dag, atom->off, atom->mask, atom->jop, atom->k,
                    atom->positive ? t : f, atom->positive ? f : t);
}

static gboolean
atom_clause_has (const AtomClause *c,
                 const Atom       *atom)
{
  for (guint i = 0; i < c->atoms->len; i++)
    if (atom_equal (&g_array_index (c->atoms, Atom, i), atom))
      return TRUE;
  return FALSE;
}

/* A clause that is one positive JEQ on a whole word. */
static gboolean
atom_clause_is_value (const AtomClause *c,
                      guint32           off)
{
  const Atom *a;

  if (c->atoms->len != 1)
    return FALSE;
  a = &g_array_index (c->atoms, Atom, 0);
  return !a->whole && a->positive && a->jop == BPF_JEQ && a->mask == SCMP_WORD_ALL && a->off == off;
}

/* At least this many "word == K" clauses in a row become a search tree. */
#define VALUE_SEARCH_MIN 6

/* Up to this many values are tested one JEQ after the other. */
#define VALUE_CHAIN_MAX 6

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const ScmpRange *x = a, *y = b;

  return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* The tests value_tree() makes for @n values. */
static guint
value_tree_size (guint n)
{
  if (n <= VALUE_CHAIN_MAX)
    return n;
  return 1 + value_tree_size (n / 2) + value_tree_size (n - n / 2);
}

static ScmpNode *
value_tree (ScmpDag   *dag,
            guint32    off,
            ScmpRange *v,
            guint      n,
            ScmpNode  *miss)
{
  ScmpNode *node = miss;
  guint mid;

  if (n <= VALUE_CHAIN_MAX)
    {
      for (guint i = n; i-- > 0; )
        node = _scmp_dag_test (dag, off, SCMP_WORD_ALL, BPF_JEQ, v[i].lo, v[i].node, node);
      return node;
    }
  mid = n / 2;
  return _scmp_dag_test (dag, off, SCMP_WORD_ALL, BPF_JGE, v[mid].lo,
                    value_tree (dag, off, v + mid, n - mid, miss),
                    value_tree (dag, off, v, mid, miss));
}

/* Clauses i..j, each "word(off) == K → action", then @next: a binary
 * search over the sorted values (a JGE per level) ending in short JEQ
 * chains. The first clause for a K wins. */
static ScmpNode *
value_search_node (ScmpDag    *dag,
                   AtomClause *clauses,
                   guint       i,
                   guint       j,
                   ScmpNode   *next)
{
  guint32 off = g_array_index (clauses[i].atoms, Atom, 0).off;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (ScmpRange));
  g_autoptr(GArray) ranges = NULL;
  guint32 cursor = 0;
  gboolean done = FALSE;
  guint n = 0;

  for (guint c = i; c <= j; c++)
    {
      ScmpRange p = { g_array_index (clauses[c].atoms, Atom, 0).k, _scmp_dag_ret (dag, clauses[c].action), 1 };
      g_array_append_val (points, p);
    }
  /* Stable (since GLib 2.32): among equal values the first clause stays first. */
  g_array_sort (points, compare_ranges);
  for (guint p = 0; p < points->len; p++)
    {
      ScmpRange *pt = &g_array_index (points, ScmpRange, p);

      if (n == 0 || pt->lo != g_array_index (points, ScmpRange, n - 1).lo)
        g_array_index (points, ScmpRange, n++) = *pt;
    }

  /* Contiguous values with the same action (families, flag sets) are
   * cheaper as ranges: count both shapes, build the smaller. */
  ranges = g_array_new (FALSE, FALSE, sizeof (ScmpRange));
  for (guint p = 0; p < n && !done; p++)
    {
      ScmpRange *pt = &g_array_index (points, ScmpRange, p);

      if (pt->lo > cursor)
        _scmp_ranges_add (ranges, cursor, next, 1);
      _scmp_ranges_add (ranges, pt->lo, pt->node, 1);
      if (pt->lo == SCMP_WORD_ALL)
        done = TRUE;
      else
        cursor = pt->lo + 1;
    }
  if (!done)
    _scmp_ranges_add (ranges, cursor, next, 1);

  if (ranges->len - 1 < value_tree_size (n))
    return _scmp_range_tree_balanced (dag, off, (ScmpRange *) (void *) ranges->data, ranges->len);
  return value_tree (dag, off, (ScmpRange *) (void *) points->data, n, next);
}

static guint
atom_hash (gconstpointer data)
{
  const Atom *a = data;
  guint h = (a->whole ? 1u : 0u) | (a->positive ? 2u : 0u);

  h = h * 31u + a->off;
  h = h * 31u + a->mask;
  if (a->whole)
    {
      h = h * 31u + (a->wide ? 1u : 0u);
      h = h * 31u + a->off_hi;
      h = h * 31u + g_int64_hash (&a->a);
      h = h * 31u + g_int64_hash (&a->b);
    }
  else
    {
      h = h * 31u + a->jop;
      h = h * 31u + a->k;
    }
  return h;
}

static gboolean
atom_equal_func (gconstpointer a,
                 gconstpointer b)
{
  return atom_equal (a, b);
}

/* Up to this many atoms in a clause, the pairwise tests beat a hash set. */
#define ATOMS_PAIRWISE_MAX 16

/* One clause alone, then @next: its distinct atoms in the order they
 * first appear, each "atom ? (the rest) : @next", ending in the clause's
 * action. This is what atom_clauses_node() gives a run of one clause, but
 * without peeling one atom a level: that costs a copy of the clause and a
 * stack frame per atom, quadratic time and a stack overflow for a rule
 * with thousands of conditions. The nodes are made in the same order. */
static ScmpNode *
clause_chain_node (ScmpDag          *dag,
                   const AtomClause *clause,
                   ScmpNode         *next)
{
  GArray *atoms = clause->atoms;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree const Atom **distinct = g_new (const Atom *, MAX (atoms->len, 1));
  guint n = 0;
  ScmpNode *node;

  if (atoms->len > ATOMS_PAIRWISE_MAX)
    seen = g_hash_table_new (atom_hash, atom_equal_func);
  for (guint a = 0; a < atoms->len; a++)
    {
      const Atom *atom = &g_array_index (atoms, Atom, a);
      gboolean repeat = FALSE;

      if (seen != NULL)
        repeat = !g_hash_table_add (seen, (gpointer) atom);
      else
        for (guint b = 0; b < n && !repeat; b++)
          repeat = atom_equal (distinct[b], atom);
      if (!repeat)
        distinct[n++] = atom;
    }
  node = _scmp_dag_ret (dag, clause->action);
  for (guint a = n; a-- > 0; )
    node = atom_node (dag, distinct[a], node, next);
  return node;
}

/* The atoms that atom_clauses_node() would peel, one a level, after @x
 * from the run @clauses[0..len) that all contain @x: the distinct atoms
 * of the first clause, in its order, that every clause of the run
 * contains, but the last of them (which a level of its own may test as a
 * value search instead). Added to @peel (which holds @x) and to @chain. */
static void
collect_shared_atoms (AtomClause *clauses,
                      guint       len,
                      GHashTable *peel,
                      GPtrArray  *chain)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  GArray *first = clauses[0].atoms;

  for (guint c = 1; c < len; c++)
    {
      GHashTable *set = g_hash_table_new (atom_hash, atom_equal_func);

      for (guint a = 0; a < clauses[c].atoms->len; a++)
        g_hash_table_add (set, &g_array_index (clauses[c].atoms, Atom, a));
      g_ptr_array_add (sets, set);
    }
  for (guint a = 0; a < first->len; a++)
    {
      Atom *atom = &g_array_index (first, Atom, a);
      gboolean shared = !g_hash_table_contains (peel, atom);

      for (guint c = 0; c < sets->len && shared; c++)
        shared = g_hash_table_contains (g_ptr_array_index (sets, c), atom);
      if (!shared)
        continue;
      g_ptr_array_add (chain, atom);
      g_hash_table_add (peel, atom);
    }
  /* The last one stays for the level below. */
  if (chain->len > 0)
    g_hash_table_remove (peel, g_ptr_array_steal_index (chain, chain->len - 1));
}

/* For a long first clause: the loop of atom_clauses_node() that finds,
 * for each atom of @clauses[0], how many clauses in a row from the first
 * contain it, and keeps the first atom with the longest run (its index in
 * @best), with a hash set per clause instead of a scan of each. */
static guint
longest_shared_run (AtomClause *clauses,
                    guint       n,
                    guint      *best)
{
  GArray *first = clauses[0].atoms;
  g_autofree guint *alive = g_new (guint, first->len);
  guint n_alive = first->len, run = 1;

  for (guint a = 0; a < first->len; a++)
    alive[a] = a;
  /* The atoms still in every clause so far, in their order: the first of
   * them when the next clause has none is the answer. */
  for (guint j = 1; j < n; j++)
    {
      g_autoptr(GHashTable) set = g_hash_table_new (atom_hash, atom_equal_func);
      guint kept = 0;

      for (guint a = 0; a < clauses[j].atoms->len; a++)
        g_hash_table_add (set, &g_array_index (clauses[j].atoms, Atom, a));
      for (guint a = 0; a < n_alive; a++)
        if (g_hash_table_contains (set, &g_array_index (first, Atom, alive[a])))
          alive[kept++] = alive[a];
      if (kept == 0)
        break;
      n_alive = kept;
      run++;
    }
  *best = alive[0];
  return run;
}

/* A stretch of a clause list, tested as one piece. */
typedef enum {
  SEGMENT_UNCONDITIONAL,     /* first: no atom, always fires */
  SEGMENT_VALUES,            /* first..last: "word == K" each, a search tree */
  SEGMENT_SHARED,            /* first..last all contain first's atom @atom */
} SegmentKind;

typedef struct {
  SegmentKind kind;
  guint       first, last;
  guint       atom;
} Segment;

/* First-match semantics over @clauses[0..n), then @next. A run of clauses
 * that all contain the same atom X is tested as "X ? (the run without X,
 * then what follows) : what follows": none of the run can match without X. */
static ScmpNode *
atom_clauses_node (ScmpDag         *dag,
                   ScmpCompileMode  mode,
                   AtomClause      *clauses,
                   guint            n,
                   ScmpNode        *next)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  guint i = 0;
  ScmpNode *node = next;

  while (i < n)
    {
      AtomClause *c = &clauses[i];
      Segment seg = { SEGMENT_UNCONDITIONAL, i, i, 0 };

      if (c->atoms->len > 0)
        {
          guint32 off = g_array_index (c->atoms, Atom, 0).off;
          guint best = 0, best_run = 0, v = i;

          while (mode == SCMP_COMPILE_FAST && v < n && atom_clause_is_value (&clauses[v], off))
            v++;
          if (mode == SCMP_COMPILE_FAST && v - i >= VALUE_SEARCH_MIN)
            {
              seg.kind = SEGMENT_VALUES;
              seg.last = v - 1;
            }
          else if (mode != SCMP_COMPILE_NAIVE && c->atoms->len > ATOMS_PAIRWISE_MAX)
            {
              best_run = longest_shared_run (clauses + i, n - i, &best);
              seg.kind = SEGMENT_SHARED;
              seg.last = i + best_run - 1;
              seg.atom = best;
            }
          else
            {
              for (guint a = 0; a < c->atoms->len; a++)
                {
                  const Atom *atom = &g_array_index (c->atoms, Atom, a);
                  guint run = 1;

                  while (mode != SCMP_COMPILE_NAIVE && i + run < n &&
                         atom_clause_has (&clauses[i + run], atom))
                    run++;
                  if (run > best_run)
                    {
                      best_run = run;
                      best = a;
                    }
                }
              seg.kind = SEGMENT_SHARED;
              seg.last = i + best_run - 1;
              seg.atom = best;
            }
        }
      g_array_append_val (segments, seg);
      if (seg.kind == SEGMENT_UNCONDITIONAL)
        break;        /* nothing after it can match */
      i = seg.last + 1;
    }

  for (guint s = segments->len; s-- > 0; )
    {
      const Segment *seg = &g_array_index (segments, Segment, s);

      if (seg->kind == SEGMENT_UNCONDITIONAL)
        node = _scmp_dag_ret (dag, clauses[seg->first].action);
      else if (seg->kind == SEGMENT_VALUES)
        node = value_search_node (dag, clauses, seg->first, seg->last, node);
      else if (seg->first == seg->last)
        node = clause_chain_node (dag, &clauses[seg->first], node);
      else
        {
          Atom x = g_array_index (clauses[seg->first].atoms, Atom, seg->atom);
          guint len = seg->last - seg->first + 1;
          g_autofree AtomClause *sub = g_new (AtomClause, len);
          g_autoptr(GHashTable) peel = NULL;
          g_autoptr(GPtrArray) chain = NULL;
          ScmpNode *inner;

          /* Long clauses that share many atoms: the atoms the levels
           * below would peel one by one (each copying the run) are peeled
           * here at once, and chained in the same order. */
          if (clauses[seg->first].atoms->len > ATOMS_PAIRWISE_MAX)
            {
              peel = g_hash_table_new (atom_hash, atom_equal_func);
              chain = g_ptr_array_new ();
              g_hash_table_add (peel, &x);
              collect_shared_atoms (&clauses[seg->first], len, peel, chain);
            }
          for (guint c = 0; c < len; c++)
            {
              GArray *src = clauses[seg->first + c].atoms;

              sub[c].action = clauses[seg->first + c].action;
              sub[c].atoms = g_array_sized_new (FALSE, FALSE, sizeof (Atom), src->len);
              for (guint a = 0; a < src->len; a++)
                {
                  const Atom *atom = &g_array_index (src, Atom, a);

                  if (peel != NULL ? !g_hash_table_contains (peel, atom) : !atom_equal (atom, &x))
                    g_array_append_vals (sub[c].atoms, atom, 1);
                }
            }
          inner = atom_clauses_node (dag, mode, sub, len, node);
          for (guint c = 0; c < len; c++)
            g_array_unref (sub[c].atoms);
          for (guint p = chain != NULL ? chain->len : 0; p-- > 0; )
            inner = atom_node (dag, g_ptr_array_index (chain, p), inner, node);
          node = atom_node (dag, &x, inner, node);
        }
    }
  return node;
}

ScmpNode *
_scmp_lower_decision (ScmpDag            *dag,
                      const ScmpArchInfo *info,
                      const ScmpDecision *d,
                      guint32             default_action,
                      ScmpCompileMode     mode)
{
  g_autofree AtomClause *ac = NULL;
  guint n = 0;
  ScmpNode *node;

  /* Most syscalls have one unconditional outcome. */
  if (d->n == 1 && d->clauses[0].n_conds == 0)
    return _scmp_dag_ret (dag, d->clauses[0].action);

  ac = g_new (AtomClause, d->n);
  for (guint i = 0; i < d->n; i++)
    {
      const ScmpClause *cl = &d->clauses[i];
      gboolean live = TRUE;

      ac[n].action = cl->action;
      ac[n].atoms = g_array_sized_new (FALSE, FALSE, sizeof (Atom), 2 * cl->n_conds);
      for (guint j = 0; j < cl->n_conds && live; j++)
        live = atoms_add_condition (ac[n].atoms, info, &cl->conds[j]);
      if (live)
        n++;
      else
        g_array_unref (ac[n].atoms);
    }

  node = atom_clauses_node (dag, mode, ac, n, _scmp_dag_ret (dag, default_action));
  for (guint i = 0; i < n; i++)
    g_array_unref (ac[i].atoms);
  return node;
}

