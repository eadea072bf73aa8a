#include "gemm_plan.h"

#include <Eigen/Dense>

namespace lstm {

template <typename Scalar>
GemmPlan<Scalar>::GemmPlan(bool transposeA, bool transposeB, Eigen::Index rows, Eigen::Index cols,
                           Eigen::Index depth)
    : m_transposeA(transposeA), m_transposeB(transposeB) {
  Eigen::Index kc = std::max<Eigen::Index>(depth, 1), mc = std::max<Eigen::Index>(rows, 1),
               nc = std::max<Eigen::Index>(cols, 1);
  Eigen::internal::computeProductBlockingSizes<Scalar, Scalar, 1, Eigen::Index>(kc, mc, nc, 1);
  m_blocking.setSizes(kc, mc, nc);
}

namespace {
template <typename Scalar, int LhsOrder, int RhsOrder>
void gebp(Eigen::Index rows, Eigen::Index cols, Eigen::Index depth, const Scalar *a, Eigen::Index lda,
          const Scalar *b, Eigen::Index ldb, Scalar *c, Eigen::Index ldc, Scalar alpha,
          Eigen::internal::level3_blocking<Scalar, Scalar> &blocking) {
  Eigen::internal::general_matrix_matrix_product<Eigen::Index, Scalar, LhsOrder, false, Scalar, RhsOrder, false,
                                                 Eigen::ColMajor, 1>::run(rows, cols, depth, a, lda, b, ldb, c, 1,
                                                                          ldc, alpha, blocking, nullptr);
}
} // namespace

template <typename Scalar>
void GemmPlan<Scalar>::run(const ConstMatrixRef &a, const ConstMatrixRef &b, MatrixRef c, Scalar alpha,
                           bool accumulate) {
  const Eigen::Index rows = c.rows(), cols = c.cols();
  const Eigen::Index depth = m_transposeA ? a.rows() : a.cols();
  eigen_assert((m_transposeA ? a.cols() : a.rows()) == rows);
  eigen_assert((m_transposeB ? b.rows() : b.cols()) == cols);
  eigen_assert((m_transposeB ? b.cols() : b.rows()) == depth);
  eigen_assert(m_blocking.blockA() && m_blocking.blockB());
  if (!accumulate)
    c.setZero();
  if (rows == 0 || cols == 0 || depth == 0)
    return;
  // A column-major matrix read transposed is the same memory read row-major.
  using Eigen::ColMajor, Eigen::RowMajor;
  const Scalar *pa = a.data(), *pb = b.data();
  const Eigen::Index lda = a.outerStride(), ldb = b.outerStride(), ldc = c.outerStride();
  if (!m_transposeA && !m_transposeB)
    gebp<Scalar, ColMajor, ColMajor>(rows, cols, depth, pa, lda, pb, ldb, c.data(), ldc, alpha, m_blocking);
  else if (m_transposeA && !m_transposeB)
    gebp<Scalar, RowMajor, ColMajor>(rows, cols, depth, pa, lda, pb, ldb, c.data(), ldc, alpha, m_blocking);
  else if (!m_transposeA && m_transposeB)
    gebp<Scalar, ColMajor, RowMajor>(rows, cols, depth, pa, lda, pb, ldb, c.data(), ldc, alpha, m_blocking);
  else
    gebp<Scalar, RowMajor, RowMajor>(rows, cols, depth, pa, lda, pb, ldb, c.data(), ldc, alpha, m_blocking);
}

template class GemmPlan<float>;
template class GemmPlan<double>;

} // namespace lstm
