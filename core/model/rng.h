#pragma once
// A small, explicit, portable random generator: the same seed gives the same numbers on every platform and
// compiler (std:: distributions do not promise that). xoshiro256** seeded through splitmix64.
#include <array>
#include <cstdint>

namespace lstm {

class Rng {
public:
  explicit Rng(std::uint64_t seed = 0) { reseed(seed); }
  void reseed(std::uint64_t seed);

  std::uint64_t next();
  double uniform();                          // [0, 1), 53 random bits
  double uniform(double low, double high);   // [low, high)
  double normal();                           // standard normal (Box–Muller, both values used)
  std::uint64_t below(std::uint64_t bound);  // uniform integer in [0, bound), bound > 0, no modulo bias

  // Full state, for checkpoints: restoring it continues the exact same sequence.
  struct State {
    std::array<std::uint64_t, 4> words{};
    bool hasSpareNormal = false;
    double spareNormal = 0.0;
    bool operator==(const State &) const = default;
  };
  State state() const { return m_state; }
  void setState(const State &state) { m_state = state; }

private:
  State m_state;
};

} // namespace lstm
