/* scmp-range-tree-private.h: search trees over ranges of one word
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The whole 32-bit space of a word of seccomp_data (the syscall number,
 * or an argument's word) cut into ranges, each leading to a node of the
 * DAG: the tree of JGE tests (and a JEQ for a lone number between two
 * neighbours with the same outcome) that finds a value's range.
 */

#pragma once

#include <glib.h>

#include "scmp-dag-private.h"

G_BEGIN_DECLS

typedef struct {
  guint32   lo;        /* first value of the range; it ends where the next begins */
  ScmpNode *node;      /* where values in the range go */
  guint64   weight;    /* how often a value is expected to land here */
} ScmpRange;

/* Appends the range starting at @lo to @ranges (element-type ScmpRange),
 * in increasing order; merged with the last range when it has the same
 * @node. (Inline: once per syscall of every ABI.) */
static inline void
_scmp_ranges_add (GArray   *ranges,
                  guint32   lo,
                  ScmpNode *node,
                  guint64   weight)
{
  if (ranges->len > 0)
    {
      ScmpRange *last = &g_array_index (ranges, ScmpRange, ranges->len - 1);

      if (last->node == node)
        {
          last->weight += weight;
          return;
        }
    }
  g_array_append_val (ranges, ((ScmpRange) { lo, node, weight }));
}

/* The tree with the fewest tests expected for the weights (weight + 1 per
 * range); a weight-balanced one for very many ranges. @r[0].lo is 0. */
ScmpNode *_scmp_range_tree_optimal      (ScmpDag   *dag,
                                         guint32    off,
                                         ScmpRange *r,
                                         guint      n);

/* Splits where the weight is halved: cheap, and within a test or two of
 * the optimum. */
ScmpNode *_scmp_range_tree_balanced     (ScmpDag   *dag,
                                         guint32    off,
                                         ScmpRange *r,
                                         guint      n);

G_END_DECLS
