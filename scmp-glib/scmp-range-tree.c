/* scmp-range-tree.c: search trees over ranges of one word — optimal for
 * the expected number of tests, or weight-balanced
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-range-tree-private.h"

#include <string.h>

/* Above this many ranges the optimal tree costs too much to find; a
 * weight-balanced split is close enough. */
#define OPTIMAL_TREE_MAX_RANGES 1024

/* Weight-balanced: the split puts about half the weight on each side. */
ScmpNode *
_scmp_range_tree_balanced (ScmpDag   *dag,
                           guint32    off,
                           ScmpRange *r,
                           guint      n)
{
  guint64 total = 0, acc = 0;
  guint split = 1;

  if (n == 1)
    return r[0].node;

  for (guint i = 0; i < n; i++)
    total += r[i].weight + 1;
  for (guint i = 0; i + 1 < n; i++)
    {
      acc += r[i].weight + 1;
      split = i + 1;
      if (2 * acc >= total)
        break;
    }

  return _scmp_dag_test (dag, off, SCMP_WORD_ALL, BPF_JGE, r[split].lo,
                    _scmp_range_tree_balanced (dag, off, r + split, n - split),
                    _scmp_range_tree_balanced (dag, off, r, split));
}

/* A one-number range between two ranges with the same outcome is one JEQ. */
static gboolean
is_jeq_triple (const ScmpRange *r)
{
  return r[0].node == r[2].node && r[2].lo == r[1].lo + 1;
}

/* The dynamic programme's tables are kept between compiles on a thread
 * when they are small enough: fresh pages (malloc hands big blocks back
 * to the kernel on free) cost a page fault every 4 KiB, which made up
 * half the time of the programme itself. */
#define SCRATCH_KEEP_MAX (1024 * 1024)

typedef struct {
  gsize    size;
  gpointer data;
} Scratch;

static void
scratch_free (gpointer data)
{
  Scratch *s = data;

  g_free (s->data);
  g_free (s);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

/* A block of @size bytes; give it back with scratch_release(). */
static gpointer
scratch_take (gsize size)
{
  Scratch *s = g_private_get (&scratch_key);
  gpointer data;

  if (s == NULL || s->data == NULL || s->size < size)
    return g_malloc (size);
  data = g_steal_pointer (&s->data);
  return data;
}

static void
scratch_release (gpointer data,
                 gsize    size)
{
  Scratch *s = g_private_get (&scratch_key);

  if (size > SCRATCH_KEEP_MAX)
    {
      g_free (data);
      return;
    }
  if (s == NULL)
    {
      s = g_new0 (Scratch, 1);
      g_private_set (&scratch_key, s);
    }
  if (s->data != NULL && s->size >= size)
    {
      g_free (data);       /* keep the bigger one */
      return;
    }
  g_free (s->data);
  s->data = data;
  s->size = size;
}

/* The plan's splits: root[col_start (j) + i] is the split of ranges i..j
 * (column by column, triangular). */
typedef struct {
  guint32        off;        /* the word searched */
  ScmpRange         *r;
  const guint16 *root;       /* the first range of the JGE's true side */
} TreePlan;

static inline gsize
col_start (guint j)
{
  return (gsize) j * (j + 1) / 2;
}

static ScmpNode *
range_tree_build (ScmpDag  *dag,
                  TreePlan *plan,
                  guint     i,
                  guint     j)
{
  guint k;

  if (i == j)
    return plan->r[i].node;
  /* The programme always takes the JEQ for a triple: it costs least. */
  if (j == i + 2 && is_jeq_triple (&plan->r[i]))
    return _scmp_dag_test (dag, plan->off, SCMP_WORD_ALL, BPF_JEQ, plan->r[i + 1].lo,
                      plan->r[i + 1].node, plan->r[i].node);
  k = plan->root[col_start (j) + i];
  return _scmp_dag_test (dag, plan->off, SCMP_WORD_ALL, BPF_JGE, plan->r[k].lo,
                    range_tree_build (dag, plan, k, j),
                    range_tree_build (dag, plan, i, k - 1));
}

/* The search tree that minimises the expected number of tests, weighted
 * by the ranges' weights: an optimal alphabetic tree, found with Knuth's
 * O(n²) dynamic programme. Each test is one JGE, or one JEQ for a lone
 * number between two neighbours with the same outcome (a JEQ plan keeps
 * its best JGE split in root so that Knuth's bounds stay valid). */
ScmpNode *
_scmp_range_tree_optimal (ScmpDag   *dag,
                          guint32    off,
                          ScmpRange *r,
                          guint      n)
{
  gsize cells = (gsize) n * (n + 1) / 2;
  /* cost rows (triangular, row i holds i..n-1), roots, and per range:
   * its row's base, the prefix weight, the column being made and the
   * previous column's roots */
  gsize table_size = cells * (sizeof (guint32) + sizeof (guint16)) +
                     n * (sizeof (gsize) + 2 * sizeof (guint32) + 2 * sizeof (guint16)) +
                     sizeof (guint32);
  guint64 total = 0;
  guint depth_bound = 2;
  guint32 *cost, *prefix, *col_cost;
  gsize *row_base;
  guint16 *root, *col_root, *prev_root;
  TreePlan p;
  gpointer tables;
  ScmpNode *tree;

  /* A cost is at most the total weight times the depth of a balanced
   * tree, and a candidate split at most twice that: 32 bits hold it for
   * any real filter (a few thousand syscalls, priorities up to 255), and
   * the programme walks half the memory. */
  for (guint i = 0; i < n; i++)
    total += r[i].weight + 1;
  for (guint m = n; m > 1; m = (m + 1) / 2)
    depth_bound++;
  if (n > OPTIMAL_TREE_MAX_RANGES || total > G_MAXUINT32 / (2 * depth_bound))
    return _scmp_range_tree_balanced (dag, off, r, n);

  tables = scratch_take (table_size);
  row_base = tables;                                    /* 8-byte aligned first */
  cost = (guint32 *) (void *) (row_base + n);
  prefix = cost + cells;
  col_cost = prefix + n + 1;
  root = (guint16 *) (void *) (col_cost + n);
  col_root = root + cells;
  prev_root = col_root + n;

  prefix[0] = 0;
  for (guint i = 0; i < n; i++)
    {
      prefix[i + 1] = prefix[i] + (guint32) r[i].weight + 1;
      row_base[i] = (gsize) i * n - (gsize) i * (i - 1) / 2 - i;   /* + j: cell i..j */
    }

  /* Column by column, bottom up: a split k of i..j reads row i (i..k-1,
   * made in earlier columns) and column j (k..j, just made, kept with its
   * roots in col_cost/col_root, and the roots of j-1 in prev_root). */
  for (guint j = 0; j < n; j++)
    {
      guint16 *root_j = root + col_start (j);

      cost[row_base[j] + j] = col_cost[j] = 0;
      root_j[j] = col_root[j] = j;

      for (guint i = j; i-- > 0; )
        {
          guint lo_k = MAX (prev_root[i], i + 1);          /* root of i..j-1 */
          guint hi_k = MAX (MIN (col_root[i + 1], j), lo_k);
          const guint32 *left = cost + row_base[i] - 1;     /* left[k]: i..k-1 */
          guint32 best = G_MAXUINT32;
          guint best_k = lo_k;

          for (guint k = lo_k; k <= hi_k; k++)
            {
              guint32 c = left[k] + col_cost[k];

              if (c < best)
                {
                  best = c;
                  best_k = k;
                }
            }
          if (j == i + 2 && is_jeq_triple (&r[i]))
            best = 0;
          best += prefix[j + 1] - prefix[i];
          cost[row_base[i] + j] = col_cost[i] = best;
          root_j[i] = col_root[i] = best_k;
        }
      memcpy (prev_root, col_root, (j + 1) * sizeof (guint16));
    }

  p.off = off;
  p.r = r;
  p.root = root;
  tree = range_tree_build (dag, &p, 0, n - 1);
  scratch_release (tables, table_size);
  return tree;
}

