#pragma once
// Choosing the next token from a distribution: temperature, top-k, top-p (nucleus), seeded and deterministic.
// Used by `lstm-explorer-cli sample`, the trainer's sample log, and the explorer's write mode.
#include "model/rng.h"
#include "model/tensor_types.h"

#include <cstdint>
#include <span>
#include <vector>

namespace lstm {

struct Problem;
class Stepper;

struct SamplingOptions {
  double temperature = 1.0; // 0 = greedy (argmax, lowest id on ties); otherwise p_i ∝ p_i^(1/temperature)
  int topK = 0;             // keep the K most likely tokens; 0 = all
  double topP = 1.0;        // keep the smallest most-likely set whose probability reaches P; 1 = all
  std::uint64_t seed = 0;
  // True when usable: temperature ≥ 0 and finite, topK ≥ 0, 0 < topP ≤ 1; otherwise false and the broken rule in
  // `problem` (when non-null) as a Sampling* code with the value.
  bool validate(Problem *problem = nullptr) const;
};

class Sampler {
public:
  explicit Sampler(const SamplingOptions &options); // precondition: options.validate() holds
  const SamplingOptions &options() const { return m_options; }

  // Picks a token id from `probabilities` (V, non-negative, summing to ~1) after temperature, then top-k, then
  // top-p, renormalising what is kept. Same seed and same inputs ⇒ same sequence of picks.
  std::int32_t pick(const Vector<float> &probabilities);

  Rng &rng() { return m_rng; }

private:
  SamplingOptions m_options;
  Rng m_rng;
  std::vector<std::int32_t> m_order; // scratch (V)
  std::vector<double> m_weights;     // scratch (V)
};

// Feeds `primer` to the stepper, then generates `length` tokens, each fed back as the next input. With an empty
// primer the first input is the newline token when the vocabulary has one, otherwise token 0 (that start token is
// not part of the result). Returns only the generated ids. Precondition: a token model with a softmax head.
std::vector<std::int32_t> generate(Stepper &stepper, std::span<const std::int32_t> primer, int length,
                                   Sampler &sampler);

} // namespace lstm
