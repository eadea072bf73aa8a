// Numeric tasks: the adding problem, sine mixtures, a seasonal series and the Mackey–Glass delay equation.
#include "generators.h"

#include "generator_checks.h"
#include "common/problem.h"

#include "model/rng.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace lstm {

namespace {

constexpr int kMaxSeriesLength = 10'000'000;

using generator_checks::bad;
using generator_checks::numberText;
using generator_checks::outside;

bool checkLength(int length, Problem *problem) {
  if (length < 1 || length > kMaxSeriesLength)
    return outside(problem, "length", length, 1, kMaxSeriesLength);
  return true;
}

bool checkGiven(const char *name, const std::vector<double> &given, int components, Problem *problem) {
  if (!given.empty() && std::int64_t(given.size()) != components)
    return report(problem, Problem(ProblemCode::GeneratorListSize)
                               .withField(QLatin1String(name))
                               .withValue(numberText(std::int64_t(given.size())))
                               .withLimit(numberText(components)));
  for (double value : given)
    if (!std::isfinite(value))
      return bad(problem, ProblemCode::GeneratorListNotFinite, name, value);
  return true;
}

// Finite and ≥ 0.
bool checkNonNegative(const char *name, double value, Problem *problem) {
  if (!(value >= 0.0 && std::isfinite(value)))
    return bad(problem, ProblemCode::GeneratorSettingNegative, name, value);
  return true;
}

// Finite and > 0.
bool checkPositive(const char *name, double value, Problem *problem) {
  if (!(value > 0.0 && std::isfinite(value)))
    return bad(problem, ProblemCode::GeneratorSettingNotPositive, name, value);
  return true;
}

// The given values, or K draws from [low, high).
std::vector<double> givenOrDrawn(const std::vector<double> &given, int components, double low, double high,
                                 Rng &rng) {
  if (!given.empty())
    return given;
  std::vector<double> drawn(std::size_t(components), 0.0);
  for (double &value : drawn)
    value = rng.uniform(low, high);
  return drawn;
}

} // namespace

// ---- 6. Adding problem ---------------------------------------------------------------------------------------------

bool AddingOptions::validate(Problem *problem) const {
  if (examples < 1 || examples > 1'000'000)
    return outside(problem, "examples", examples, 1, 1'000'000);
  if (length < 2 || length > 100'000) // two markers need two steps
    return outside(problem, "length", length, 2, 100'000);
  if (const std::int64_t values = std::int64_t(examples) * length; values > 100'000'000)
    return report(problem, Problem(ProblemCode::GeneratorTooManyValues)
                               .withValue(numberText(values))
                               .withLimit(numberText(std::int64_t(100'000'000))));
  return true;
}

AddingProblem generateAdding(const AddingOptions &options, std::uint64_t seed) {
  Rng rng(seed);
  const int N = options.examples, T = options.length;
  AddingProblem problem;
  problem.examples = N;
  problem.length = T;
  problem.values.resize(std::size_t(N) * std::size_t(T));
  problem.markers.assign(std::size_t(N) * std::size_t(T), 0.0);
  problem.targets.resize(std::size_t(N));
  const int half = T / 2;
  for (int n = 0; n < N; ++n) {
    const std::size_t row = std::size_t(n) * std::size_t(T);
    // Per example: T values, then the first marker in [0, T/2), then the second in [T/2, T).
    for (int t = 0; t < T; ++t)
      problem.values[row + std::size_t(t)] = rng.uniform();
    const std::size_t first = row + rng.below(std::uint64_t(half));
    const std::size_t second = row + std::size_t(half) + rng.below(std::uint64_t(T - half));
    problem.markers[first] = 1.0;
    problem.markers[second] = 1.0;
    problem.targets[std::size_t(n)] = problem.values[first] + problem.values[second];
  }
  return problem;
}

// ---- 7. Sine mixture -----------------------------------------------------------------------------------------------

bool SineOptions::validate(Problem *problem) const {
  if (!checkLength(length, problem))
    return false;
  if (components < 1 || components > 1000)
    return outside(problem, "components", components, 1, 1000);
  for (const auto &[name, given] : {std::pair{"frequencies", &frequencies}, std::pair{"amplitudes", &amplitudes},
                                    std::pair{"phases", &phases}})
    if (!checkGiven(name, *given, components, problem))
      return false;
  if (!(minFrequency >= 0.0 && minFrequency <= 0.5)) // cycles per sample, up to Nyquist
    return outside(problem, "minFrequency", minFrequency, 0.0, 0.5);
  if (!(maxFrequency >= minFrequency && maxFrequency <= 0.5))
    return bad(problem, ProblemCode::GeneratorSettingAboveOther, "maxFrequency", maxFrequency,
               {QStringLiteral("minFrequency"), numberText(minFrequency), numberText(0.5)});
  if (!std::isfinite(minAmplitude))
    return bad(problem, ProblemCode::GeneratorSettingNotFinite, "minAmplitude", minAmplitude);
  if (!(maxAmplitude >= minAmplitude && std::isfinite(maxAmplitude)))
    return bad(problem, ProblemCode::GeneratorSettingBelowOther, "maxAmplitude", maxAmplitude,
               {QStringLiteral("minAmplitude"), numberText(minAmplitude)});
  return checkNonNegative("noise", noise, problem);
}

SineMixture generateSines(const SineOptions &options, std::uint64_t seed) {
  Rng rng(seed);
  const int K = options.components, L = options.length;
  SineMixture mixture;
  mixture.frequencies = givenOrDrawn(options.frequencies, K, options.minFrequency, options.maxFrequency, rng);
  mixture.amplitudes = givenOrDrawn(options.amplitudes, K, options.minAmplitude, options.maxAmplitude, rng);
  mixture.phases = givenOrDrawn(options.phases, K, 0.0, 2.0 * std::numbers::pi, rng);
  mixture.values.resize(std::size_t(L));
  for (int t = 0; t < L; ++t) {
    double x = 0.0;
    for (std::size_t k = 0; k < std::size_t(K); ++k)
      x += mixture.amplitudes[k] * std::sin(2.0 * std::numbers::pi * mixture.frequencies[k] * t + mixture.phases[k]);
    if (options.noise > 0.0)
      x += options.noise * rng.normal();
    mixture.values[std::size_t(t)] = x;
  }
  return mixture;
}

// ---- 8. Seasonal series ------------------------------------------------------------------------------------------

bool SeasonalOptions::validate(Problem *problem) const {
  if (!checkLength(length, problem))
    return false;
  if (period < 2 || period > kMaxSeriesLength)
    return outside(problem, "period", period, 2, kMaxSeriesLength);
  if (!std::isfinite(level))
    return bad(problem, ProblemCode::GeneratorSettingNotFinite, "level", level);
  if (!std::isfinite(slope))
    return bad(problem, ProblemCode::GeneratorSettingNotFinite, "slope", slope);
  return checkNonNegative("seasonalAmplitude", seasonalAmplitude, problem) &&
         checkNonNegative("noise", noise, problem);
}

SeasonalSeries generateSeasonal(const SeasonalOptions &options, std::uint64_t seed) {
  Rng rng(seed);
  const std::size_t L = std::size_t(options.length), P = std::size_t(options.period);
  // One season: P uniform values, centred, scaled to the requested peak.
  std::vector<double> season(P);
  double mean = 0.0;
  for (double &s : season) {
    s = rng.uniform(-1.0, 1.0);
    mean += s / double(P);
  }
  double peak = 0.0;
  for (double &s : season) {
    s -= mean;
    peak = std::max(peak, std::abs(s));
  }
  for (double &s : season)
    s = peak > 0.0 ? s * (options.seasonalAmplitude / peak) : 0.0;

  SeasonalSeries series;
  series.trend.resize(L);
  series.seasonal.resize(L);
  series.values.resize(L);
  for (std::size_t t = 0; t < L; ++t) {
    series.trend[t] = options.level + options.slope * double(t);
    series.seasonal[t] = season[t % P];
    const double noise = options.noise > 0.0 ? options.noise * rng.normal() : 0.0;
    series.values[t] = series.trend[t] + series.seasonal[t] + noise;
  }
  return series;
}

// ---- 9. Mackey–Glass -----------------------------------------------------------------------------------------------

bool MackeyGlassOptions::validate(Problem *problem) const {
  if (!checkLength(length, problem) || !checkPositive("beta", beta, problem) ||
      !checkPositive("gamma", gamma, problem) || !checkPositive("exponent", exponent, problem))
    return false;
  if (stepsPerUnit < 1 || stepsPerUnit > 1000)
    return outside(problem, "stepsPerUnit", stepsPerUnit, 1, 1000);
  const double delaySteps = tau * stepsPerUnit;
  if (!(tau > 0.0 && delaySteps <= 10'000'000.0))
    return report(problem, Problem(ProblemCode::GeneratorDelayTooLong, {QStringLiteral("stepsPerUnit")})
                               .withField(QStringLiteral("tau"))
                               .withValue(numberText(tau))
                               .withLimit(numberText(10'000'000)));
  if (std::abs(delaySteps - std::round(delaySteps)) > 1e-9 * delaySteps || std::round(delaySteps) < 1.0)
    return bad(problem, ProblemCode::GeneratorDelayNotWhole, "tau", tau, {QStringLiteral("stepsPerUnit")});
  if (burnIn < 0 || burnIn > 1'000'000) // time units
    return outside(problem, "burnIn", burnIn, 0, 1'000'000);
  if (const std::int64_t steps = (std::int64_t(burnIn) + length) * stepsPerUnit; steps > 1'000'000'000)
    return report(problem, Problem(ProblemCode::GeneratorTooManySteps)
                               .withValue(numberText(steps))
                               .withLimit(numberText(1'000'000'000)));
  if (!checkNonNegative("initialJitter", initialJitter, problem))
    return false;
  if (!(std::isfinite(initial) && initial - initialJitter > 0.0))
    return bad(problem, ProblemCode::GeneratorHistoryNotPositive, "initial", initial,
               {QStringLiteral("initialJitter"), numberText(initialJitter)});
  return true;
}

MackeyGlassSeries generateMackeyGlass(const MackeyGlassOptions &options, std::uint64_t seed) {
  Rng rng(seed);
  const double h = 1.0 / options.stepsPerUnit;
  const auto D = std::size_t(std::llround(options.tau * options.stepsPerUnit)); // delay in steps
  const auto f = [&options](double x, double delayed) {
    return options.beta * delayed / (1.0 + std::pow(delayed, options.exponent)) - options.gamma * x;
  };
  // Ring of the last D+1 grid values: x_j lives at (j + D) mod (D+1), so x_{k−D} and x_{k+1} share a slot.
  std::vector<double> ring(D + 1);
  for (std::size_t j = 0; j <= D; ++j) // history x_{−D} … x_0, oldest first
    ring[j] = options.initial +
              (options.initialJitter > 0.0 ? options.initialJitter * rng.uniform(-1.0, 1.0) : 0.0);

  MackeyGlassSeries series;
  series.values.resize(std::size_t(options.length));
  const std::int64_t perUnit = options.stepsPerUnit;
  const std::int64_t firstSample = std::int64_t(options.burnIn) * perUnit;
  const std::int64_t lastStep = (std::int64_t(options.burnIn) + options.length - 1) * perUnit;
  double x = ring[D]; // x_k
  for (std::int64_t k = 0; k <= lastStep; ++k) {
    if (k >= firstSample && (k - firstSample) % perUnit == 0)
      series.values[std::size_t((k - firstSample) / perUnit)] = x;
    if (k == lastStep)
      break; // sampled the last value; no step beyond it
    // RK4 step k → k+1; delayed values at t−τ, t−τ+h and their mean at the half step.
    const double delayedStart = ring[std::size_t(k) % (D + 1)];
    const double delayedEnd = ring[std::size_t(k + 1) % (D + 1)];
    const double delayedMid = 0.5 * (delayedStart + delayedEnd);
    const double k1 = f(x, delayedStart);
    const double k2 = f(x + 0.5 * h * k1, delayedMid);
    const double k3 = f(x + 0.5 * h * k2, delayedMid);
    const double k4 = f(x + h * k3, delayedEnd);
    x += h / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
    ring[std::size_t(k) % (D + 1)] = x; // x_{k+1} replaces x_{k−D}, no longer needed
  }
  return series;
}

} // namespace lstm
