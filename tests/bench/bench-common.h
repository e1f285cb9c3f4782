/* bench-common.h: what the benchmark programs share: a clock, a median, percentiles
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include <math.h>
#include <stdlib.h>
#include <time.h>

static inline gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static inline int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The median of @v (sorted in place), NAN when @n is 0. */
static inline double
median (double *v,
        guint   n)
{
  if (n == 0)
    return NAN;
  qsort (v, n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The @p quantile (0-1) of @sorted, by the nearest rank. */
static inline double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  if (n == 0)
    return NAN;
  return sorted[MIN (n - 1, (guint) (p * (n - 1) + 0.5))];
}
