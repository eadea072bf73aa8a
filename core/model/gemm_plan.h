#pragma once
// C = α·op(A)·op(B) (+ C) through Eigen's own GEBP kernel, with the packing buffers supplied by the caller.
// Eigen's operator* allocates its packing panels on every call once they exceed EIGEN_STACK_ALLOCATION_LIMIT
// (128 KiB: from H = 128 upwards); a plan computes Eigen's blocking sizes once and packs into a shared arena,
// so the time loops never touch the heap whatever the model size.
// Uses Eigen 3.4's internal general_matrix_matrix_product / level3_blocking (stable within 3.4).
#include "tensor_types.h"

#include <Eigen/Core>

namespace lstm {

template <typename Scalar>
class GemmPlan {
public:
  using ConstMatrixRef = Eigen::Ref<const Matrix<Scalar>, 0, Eigen::OuterStride<>>;
  using MatrixRef = Eigen::Ref<Matrix<Scalar>, 0, Eigen::OuterStride<>>;

  GemmPlan() = default;
  // Blocking sizes for C (rows × cols) with inner dimension depth. Any shape can run on the plan afterwards;
  // these only tune the panel sizes.
  GemmPlan(bool transposeA, bool transposeB, Eigen::Index rows, Eigen::Index cols, Eigen::Index depth);

  // Scalars of packing space the plan needs for A and for B.
  Eigen::Index packedSizeA() const { return m_blocking.mc() * m_blocking.kc(); }
  Eigen::Index packedSizeB() const { return m_blocking.kc() * m_blocking.nc(); }
  // Points the plan at packing buffers of at least packedSizeA()/packedSizeB() scalars, aligned like Eigen
  // vectors. Several plans may share buffers as long as they run one at a time (one thread).
  void bind(Scalar *packA, Scalar *packB) { m_blocking.bind(packA, packB); }

  // C = α·op(A)·op(B), or C += … when accumulate. op is transpose when the plan says so. Preconditions: the
  // shapes agree, C aliases neither A nor B, the plan is bound.
  void run(const ConstMatrixRef &a, const ConstMatrixRef &b, MatrixRef c, Scalar alpha = Scalar(1),
           bool accumulate = false);

private:
  struct Blocking : Eigen::internal::level3_blocking<Scalar, Scalar> {
    void setSizes(Eigen::Index kc, Eigen::Index mc, Eigen::Index nc) {
      this->m_kc = kc, this->m_mc = mc, this->m_nc = nc;
    }
    void bind(Scalar *a, Scalar *b) { this->m_blockA = a, this->m_blockB = b; }
  };
  Blocking m_blocking;
  bool m_transposeA = false;
  bool m_transposeB = false;
};

// The packing memory shared by the plans of one thread.
template <typename Scalar>
struct GemmArena {
  Vector<Scalar> packA, packB;
  void reserveFor(const GemmPlan<Scalar> &plan) {
    if (plan.packedSizeA() > packA.size())
      packA.resize(plan.packedSizeA());
    if (plan.packedSizeB() > packB.size())
      packB.resize(plan.packedSizeB());
  }
};

extern template class GemmPlan<float>;
extern template class GemmPlan<double>;

} // namespace lstm
