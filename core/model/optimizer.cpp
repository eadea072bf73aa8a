#include "optimizer.h"

#include "common/problem.h"

#include <cmath>

namespace lstm {

const char *toString(OptimizerKind kind) {
  switch (kind) {
  case OptimizerKind::Sgd: return "sgd";
  case OptimizerKind::RmsProp: return "rmsprop";
  case OptimizerKind::Adam: return "adam";
  }
  return "?";
}

bool parseOptimizerKind(const std::string &text, OptimizerKind &out) {
  for (OptimizerKind k : {OptimizerKind::Sgd, OptimizerKind::RmsProp, OptimizerKind::Adam})
    if (text == toString(k)) {
      out = k;
      return true;
    }
  return false;
}

bool OptimizerSettings::validate(Problem *problem) const {
  const auto bad = [problem](ProblemCode code, double value) {
    return report(problem, Problem(code).withValue(QString::number(value)));
  };
  if (!(learningRate > 0.0) || !std::isfinite(learningRate))
    return bad(ProblemCode::OptimizerLearningRate, learningRate);
  if (!(weightDecay >= 0.0) || !std::isfinite(weightDecay))
    return bad(ProblemCode::OptimizerWeightDecay, weightDecay);
  if (!(momentum >= 0.0 && momentum < 1.0))
    return bad(ProblemCode::OptimizerMomentum, momentum);
  if (kind == OptimizerKind::Sgd && nesterov && (momentum <= 0.0 || dampening != 0.0))
    return report(problem, Problem(ProblemCode::OptimizerNesterov));
  if (!(alpha >= 0.0 && alpha < 1.0))
    return bad(ProblemCode::OptimizerAlpha, alpha);
  if (!(beta1 >= 0.0 && beta1 < 1.0))
    return bad(ProblemCode::OptimizerBeta1, beta1);
  if (!(beta2 >= 0.0 && beta2 < 1.0))
    return bad(ProblemCode::OptimizerBeta2, beta2);
  if (!(epsilon > 0.0))
    return bad(ProblemCode::OptimizerEpsilon, epsilon);
  return true;
}

template <typename Scalar>
Optimizer<Scalar>::Optimizer(const OptimizerSettings &settings, std::int64_t parameterCount)
    : m_settings(settings), m_scratch(parameterCount) {
  m_first = Vector<Scalar>::Zero(parameterCount);
  if (settings.kind != OptimizerKind::Sgd)
    m_second = Vector<Scalar>::Zero(parameterCount);
  if (settings.kind == OptimizerKind::RmsProp && settings.centered)
    m_third = Vector<Scalar>::Zero(parameterCount);
}

template <typename Scalar>
void Optimizer<Scalar>::step(Vector<Scalar> &params, const Vector<Scalar> &grads) {
  const OptimizerSettings &s = m_settings;
  auto p = params.array();
  ++m_steps;
  // d_p = grad + weight_decay · param
  auto g = m_scratch.array();
  if (s.weightDecay != 0.0)
    g = grads.array() + Scalar(s.weightDecay) * p;
  else
    g = grads.array();
  const auto lr = Scalar(s.learningRate);

  switch (s.kind) {
  case OptimizerKind::Sgd: {
    if (s.momentum != 0.0) {
      auto buf = m_first.array();
      if (m_steps == 1)
        buf = g; // torch clones d_p into the buffer on the first step
      else
        buf = Scalar(s.momentum) * buf + Scalar(1.0 - s.dampening) * g;
      if (s.nesterov)
        g += Scalar(s.momentum) * buf;
      else
        g = buf;
    }
    p -= lr * g;
    break;
  }
  case OptimizerKind::RmsProp: {
    auto squareAverage = m_first.array();
    squareAverage = Scalar(s.alpha) * squareAverage + Scalar(1.0 - s.alpha) * g.square();
    // avg = √(E[g²] − E[g]²) + ε when centered, √E[g²] + ε otherwise; kept in m_scratch's place via g/avg.
    if (s.centered) {
      auto gradAverage = m_third.array();
      gradAverage = Scalar(s.alpha) * gradAverage + Scalar(1.0 - s.alpha) * g;
      g = g / ((squareAverage - gradAverage.square()).sqrt() + Scalar(s.epsilon));
    } else {
      g = g / (squareAverage.sqrt() + Scalar(s.epsilon));
    }
    if (s.momentum > 0.0) {
      auto buf = m_second.array();
      buf = Scalar(s.momentum) * buf + g;
      p -= lr * buf;
    } else {
      p -= lr * g;
    }
    break;
  }
  case OptimizerKind::Adam: {
    auto m = m_first.array();
    auto v = m_second.array();
    m = Scalar(s.beta1) * m + Scalar(1.0 - s.beta1) * g;
    v = Scalar(s.beta2) * v + Scalar(1.0 - s.beta2) * g.square();
    const double biasCorrection1 = 1.0 - std::pow(s.beta1, double(m_steps));
    const double biasCorrection2 = 1.0 - std::pow(s.beta2, double(m_steps));
    const auto stepSize = Scalar(s.learningRate / biasCorrection1);
    const auto correction2Sqrt = Scalar(std::sqrt(biasCorrection2));
    p -= stepSize * m / ((v.sqrt() / correction2Sqrt) + Scalar(s.epsilon));
    break;
  }
  }
}

template <typename Scalar>
double clipGradientNorm(Vector<Scalar> &grads, double maxNorm) {
  const double norm = std::sqrt(grads.template cast<double>().squaredNorm());
  if (maxNorm > 0.0) {
    const double coefficient = maxNorm / (norm + 1e-6);
    if (coefficient < 1.0)
      grads *= Scalar(coefficient);
  }
  return norm;
}

template class Optimizer<float>;
template class Optimizer<double>;
template double clipGradientNorm(Vector<float> &, double);
template double clipGradientNorm(Vector<double> &, double);

} // namespace lstm
