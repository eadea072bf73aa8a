#pragma once
// All parameters of a model (or all their gradients) in one flat buffer, with named matrix views into it.
// The optimizer is one loop over flat(), save/load is one block, a gradient check iterates one vector.
#include "parameter_layout.h"
#include "tensor_types.h"

namespace lstm {

template <typename Scalar>
class Parameters {
public:
  Parameters() = default;
  // Zero-filled buffer for `config`. Precondition: config.validate() holds.
  explicit Parameters(const ModelConfig &config);

  const ModelConfig &config() const { return m_config; }
  const ParameterLayout &layout() const { return m_layout; }
  std::int64_t size() const { return m_values.size(); }
  bool empty() const { return m_values.size() == 0; }

  Vector<Scalar> &flat() { return m_values; }
  const Vector<Scalar> &flat() const { return m_values; }
  Scalar *data() { return m_values.data(); }
  const Scalar *data() const { return m_values.data(); }
  void setZero() { m_values.setZero(); }

  MatrixMap<Scalar> block(int index);
  ConstMatrixMap<Scalar> block(int index) const;
  MatrixMap<Scalar> block(BlockRole role, int layer = -1) { return block(m_layout.indexOf(role, layer)); }
  ConstMatrixMap<Scalar> block(BlockRole role, int layer = -1) const { return block(m_layout.indexOf(role, layer)); }

  // Named views. Shapes: embedding (E, V); weightIh (4H, X); weightHh (4H, H); biases (4H); headWeight (O, H); headBias (O).
  ConstMatrixMap<Scalar> embedding() const { return block(BlockRole::Embedding); }
  ConstMatrixMap<Scalar> weightIh(int layer) const { return block(BlockRole::WeightIh, layer); }
  ConstMatrixMap<Scalar> weightHh(int layer) const { return block(BlockRole::WeightHh, layer); }
  ConstVectorMap<Scalar> biasIh(int layer) const { return vectorBlock(BlockRole::BiasIh, layer); }
  ConstVectorMap<Scalar> biasHh(int layer) const { return vectorBlock(BlockRole::BiasHh, layer); }
  ConstMatrixMap<Scalar> headWeight() const { return block(BlockRole::HeadWeight); }
  ConstVectorMap<Scalar> headBias() const { return vectorBlock(BlockRole::HeadBias); }
  MatrixMap<Scalar> embedding() { return block(BlockRole::Embedding); }
  MatrixMap<Scalar> weightIh(int layer) { return block(BlockRole::WeightIh, layer); }
  MatrixMap<Scalar> weightHh(int layer) { return block(BlockRole::WeightHh, layer); }
  VectorMap<Scalar> biasIh(int layer) { return vectorBlock(BlockRole::BiasIh, layer); }
  VectorMap<Scalar> biasHh(int layer) { return vectorBlock(BlockRole::BiasHh, layer); }
  MatrixMap<Scalar> headWeight() { return block(BlockRole::HeadWeight); }
  VectorMap<Scalar> headBias() { return vectorBlock(BlockRole::HeadBias); }

  template <typename Other>
  Parameters<Other> cast() const {
    Parameters<Other> result(m_config);
    result.flat() = m_values.template cast<Other>();
    return result;
  }

private:
  VectorMap<Scalar> vectorBlock(BlockRole role, int layer = -1);
  ConstVectorMap<Scalar> vectorBlock(BlockRole role, int layer = -1) const;

  ModelConfig m_config;
  ParameterLayout m_layout;
  Vector<Scalar> m_values;
};

extern template class Parameters<float>;
extern template class Parameters<double>;

} // namespace lstm
