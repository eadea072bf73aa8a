#include "parameters.h"

namespace lstm {

template <typename Scalar>
Parameters<Scalar>::Parameters(const ModelConfig &config)
    : m_config(config), m_layout(config), m_values(Vector<Scalar>::Zero(m_layout.totalSize())) {}

template <typename Scalar>
MatrixMap<Scalar> Parameters<Scalar>::block(int index) {
  const auto &b = m_layout.blocks()[std::size_t(index)];
  return MatrixMap<Scalar>(m_values.data() + b.offset, b.rows, b.cols);
}

template <typename Scalar>
ConstMatrixMap<Scalar> Parameters<Scalar>::block(int index) const {
  const auto &b = m_layout.blocks()[std::size_t(index)];
  return ConstMatrixMap<Scalar>(m_values.data() + b.offset, b.rows, b.cols);
}

template <typename Scalar>
VectorMap<Scalar> Parameters<Scalar>::vectorBlock(BlockRole role, int layer) {
  const auto &b = m_layout.blocks()[std::size_t(m_layout.indexOf(role, layer))];
  return VectorMap<Scalar>(m_values.data() + b.offset, b.rows);
}

template <typename Scalar>
ConstVectorMap<Scalar> Parameters<Scalar>::vectorBlock(BlockRole role, int layer) const {
  const auto &b = m_layout.blocks()[std::size_t(m_layout.indexOf(role, layer))];
  return ConstVectorMap<Scalar>(m_values.data() + b.offset, b.rows);
}

template class Parameters<float>;
template class Parameters<double>;

} // namespace lstm
