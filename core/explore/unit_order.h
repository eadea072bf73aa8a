#pragma once
// Orders of the units of a layer for the heatmaps of big layers: the most active units first, or similar units
// next to each other. Each order is a permutation of 0 … H−1 (entry k is the unit shown in row k). Reads the
// trace only; same thread as the trace's owner.
#include "trace.h"

#include <Eigen/Core>

#include <vector>

namespace lstm {

// Steps the clustered order samples at most (evenly spread): its cost is H² × this.
inline constexpr int kClusterSteps = 512;

// Units by the variance of trace.quantity(layer, q) over all steps read, largest first, ties by unit index.
// Non-finite values count as 0. The identity order for a bad layer or an empty trace. O(steps·H).
std::vector<int> unitsByVariance(const Trace &trace, int layer, Quantity q);

// Greedy nearest-neighbour chain on `similarity` (H × H, symmetric): starts at `first`, then repeatedly appends
// the not yet placed unit most similar to the last placed one (ties by unit index), so each unit's row
// neighbour below is its most similar unit among those below it.
std::vector<int> nearestNeighbourChain(const Eigen::MatrixXf &similarity, int first);

// Similar units together: the nearest-neighbour chain on the Pearson correlation of trace.quantity(layer, q)
// between units, over at most kClusterSteps evenly spread steps, starting at the unit of largest variance.
// Constant units (r undefined) come last in index order. Identity for a bad layer or fewer than two steps.
// O(H²·kClusterSteps).
std::vector<int> unitsClustered(const Trace &trace, int layer, Quantity q);

} // namespace lstm
