#pragma once
// Where each named parameter tensor lives in the flat parameter buffer.
// Names are PyTorch's state_dict keys of the interchange module (embedding, lstm, head), so gradient dumps,
// imports and fixtures speak one vocabulary.
#include "model_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lstm {

enum class BlockRole { Embedding, WeightIh, WeightHh, BiasIh, BiasHh, HeadWeight, HeadBias };

struct ParameterBlock {
  std::string name;     // e.g. "lstm.weight_ih_l1"
  BlockRole role;
  int layer = -1;       // LSTM layer for the lstm.* blocks, -1 otherwise
  std::int64_t offset;  // first scalar in the flat buffer
  int rows, cols;       // our column-major matrix
  // PyTorch's tensor is our matrix transposed (only the embedding: ours is (E, V) so one token's vector is
  // contiguous; PyTorch's is (V, E)). Both hold the same bytes.
  bool torchTransposed = false;
  std::int64_t size() const { return std::int64_t(rows) * cols; }
  int torchRows() const { return torchTransposed ? cols : rows; }
  int torchCols() const { return torchTransposed ? rows : cols; }
  bool isVector() const { return cols == 1; }
};

class ParameterLayout {
public:
  ParameterLayout() = default;
  // Precondition: config.validate() holds.
  explicit ParameterLayout(const ModelConfig &config);

  const std::vector<ParameterBlock> &blocks() const { return m_blocks; }
  std::int64_t totalSize() const { return m_total; }
  const ParameterBlock *find(const std::string &name) const; // nullptr when absent
  // Index into blocks() of a layer's block, or of the embedding/head (layer ignored).
  int indexOf(BlockRole role, int layer = -1) const;

private:
  void add(std::string name, BlockRole role, int layer, int rows, int cols, bool torchTransposed = false);
  std::vector<ParameterBlock> m_blocks;
  std::int64_t m_total = 0;
  int m_firstLayerBlock = 0;
};

} // namespace lstm
