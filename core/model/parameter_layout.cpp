#include "parameter_layout.h"

namespace lstm {

ParameterLayout::ParameterLayout(const ModelConfig &config) {
  const int H = config.hiddenSize;
  if (config.input == InputKind::Embedding)
    add("embedding.weight", BlockRole::Embedding, -1, config.embedDim, config.vocabSize, true); // (E, V)
  m_firstLayerBlock = int(m_blocks.size());
  for (int k = 0; k < config.numLayers; ++k) {
    const std::string suffix = "_l" + std::to_string(k);
    add("lstm.weight_ih" + suffix, BlockRole::WeightIh, k, 4 * H, config.layerInputWidth(k)); // (4H, X)
    add("lstm.weight_hh" + suffix, BlockRole::WeightHh, k, 4 * H, H);                          // (4H, H)
    add("lstm.bias_ih" + suffix, BlockRole::BiasIh, k, 4 * H, 1);                              // (4H)
    add("lstm.bias_hh" + suffix, BlockRole::BiasHh, k, 4 * H, 1);                              // (4H)
  }
  add("head.weight", BlockRole::HeadWeight, -1, config.outputWidth(), H); // (O, H)
  add("head.bias", BlockRole::HeadBias, -1, config.outputWidth(), 1);     // (O)
}

void ParameterLayout::add(std::string name, BlockRole role, int layer, int rows, int cols, bool torchTransposed) {
  ParameterBlock block{std::move(name), role, layer, m_total, rows, cols, torchTransposed};
  m_total += block.size();
  m_blocks.push_back(std::move(block));
}

const ParameterBlock *ParameterLayout::find(const std::string &name) const {
  for (const auto &block : m_blocks)
    if (block.name == name)
      return &block;
  return nullptr;
}

int ParameterLayout::indexOf(BlockRole role, int layer) const {
  switch (role) {
  case BlockRole::Embedding: return 0;
  case BlockRole::WeightIh: return m_firstLayerBlock + 4 * layer;
  case BlockRole::WeightHh: return m_firstLayerBlock + 4 * layer + 1;
  case BlockRole::BiasIh: return m_firstLayerBlock + 4 * layer + 2;
  case BlockRole::BiasHh: return m_firstLayerBlock + 4 * layer + 3;
  case BlockRole::HeadWeight: return int(m_blocks.size()) - 2;
  case BlockRole::HeadBias: return int(m_blocks.size()) - 1;
  }
  return -1;
}

} // namespace lstm
