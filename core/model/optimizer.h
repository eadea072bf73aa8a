#pragma once
// Optimizers with PyTorch's update rules (torch.optim.SGD, RMSprop, Adam as of 1.13, single-tensor path),
// applied to the flat parameter buffer, and torch.nn.utils.clip_grad_norm_.
#include "parameters.h"

#include <string>

namespace lstm {

struct Problem;

enum class OptimizerKind { Sgd, RmsProp, Adam };
const char *toString(OptimizerKind kind);
bool parseOptimizerKind(const std::string &text, OptimizerKind &out);

struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::Adam;
  double learningRate = 2e-3;
  double weightDecay = 0.0;   // L2 term added to the gradient (PyTorch's weight_decay, not AdamW)
  double momentum = 0.0;      // SGD, RMSprop
  double dampening = 0.0;     // SGD
  bool nesterov = false;      // SGD
  double alpha = 0.99;        // RMSprop smoothing
  bool centered = false;      // RMSprop
  double beta1 = 0.9;         // Adam
  double beta2 = 0.999;       // Adam
  double epsilon = 1e-8;      // RMSprop, Adam
  bool validate(Problem *problem = nullptr) const; // false with the setting and its rule when unusable
};

template <typename Scalar>
class Optimizer {
public:
  Optimizer() = default;
  Optimizer(const OptimizerSettings &settings, std::int64_t parameterCount);

  const OptimizerSettings &settings() const { return m_settings; }
  void setLearningRate(double rate) { m_settings.learningRate = rate; }

  // One update of the flat parameter vector from the gradient vector (both (P), P = the constructor's count).
  void step(Vector<Scalar> &params, const Vector<Scalar> &grads);
  void step(Parameters<Scalar> &params, const Parameters<Scalar> &grads) { step(params.flat(), grads.flat()); }

  // State, for checkpoints. Which buffers are used depends on the kind:
  // SGD: first = momentum buffer; RMSprop: first = square average, second = momentum buffer, third = grad average;
  // Adam: first = exp_avg, second = exp_avg_sq.
  std::int64_t stepCount() const { return m_steps; }
  Vector<Scalar> &first() { return m_first; }
  Vector<Scalar> &second() { return m_second; }
  Vector<Scalar> &third() { return m_third; }
  void setStepCount(std::int64_t steps) { m_steps = steps; }

private:
  OptimizerSettings m_settings;
  std::int64_t m_steps = 0;
  Vector<Scalar> m_first, m_second, m_third;
  Vector<Scalar> m_scratch; // (P) gradient with weight decay folded in
};

// Scales `grads` so their global 2-norm is at most maxNorm (coefficient maxNorm / (norm + 1e-6), as PyTorch).
// Returns the norm before clipping. maxNorm ≤ 0 only measures.
template <typename Scalar>
double clipGradientNorm(Vector<Scalar> &grads, double maxNorm);
template <typename Scalar>
double clipGradientNorm(Parameters<Scalar> &grads, double maxNorm) {
  return clipGradientNorm(grads.flat(), maxNorm);
}

extern template class Optimizer<float>;
extern template class Optimizer<double>;
extern template double clipGradientNorm(Vector<float> &, double);
extern template double clipGradientNorm(Vector<double> &, double);

} // namespace lstm
