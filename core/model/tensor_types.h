#pragma once
// Shape letters used throughout the engine (after llm.c):
//   B batch (parallel streams), T time steps in a window, N = T·B columns,
//   X input width of a layer (V for one-hot, E for an embedding, H above layer 0, or the dense input size),
//   H hidden units, V vocabulary, D regression outputs, O = V or D head outputs, L layers.
// Matrices are column-major; a batch of vectors is one matrix with one column per vector, and the columns of
// a window are ordered t·B + b (all streams of step 0, then step 1, ...).
#include <Eigen/Core>

namespace lstm {

template <typename Scalar>
using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
template <typename Scalar>
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
template <typename Scalar>
using MatrixMap = Eigen::Map<Matrix<Scalar>>;
template <typename Scalar>
using ConstMatrixMap = Eigen::Map<const Matrix<Scalar>>;
template <typename Scalar>
using VectorMap = Eigen::Map<Vector<Scalar>>;
template <typename Scalar>
using ConstVectorMap = Eigen::Map<const Vector<Scalar>>;

// Gate blocks inside a (4H) pre-activation or activation vector, in PyTorch's order.
enum class Gate { Input = 0, Forget = 1, Cell = 2, Output = 3 };

} // namespace lstm
