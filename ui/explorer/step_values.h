#pragma once
// Everything the cell diagram and the equations show for one unit at one step, gathered once so both agree:
// the unit's step rerun in double by the engine's own cell step (model/lstm_cell.h) from the recorded h_{t−1},
// c_{t−1} and x_t — pre-activations split into their parts, activations, cell and hidden updates — beside the
// recorded gates, c_t and h_t (which include the interventions) and the interventions active on the unit.
// Gate arrays are indexed by Gate (PyTorch order i, f, g, o); gate k of unit u is row k·H + u of W_ih, W_hh, b.
// GUI thread; reads the trace, so the values are a copy valid after the trace changes.
#include "explore/intervention.h"
#include "explore/trace.h"

#include <QString>

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace lstm {

class ExplorerSession;
struct Model;

struct StepValues {
  bool valid = false; // false: no model, or layer/unit/step outside the trace — nothing else is filled in
  int layer = -1, unit = -1, step = -1;
  int hiddenSize = 0;  // H
  int inputWidth = 0;  // X of this layer
  std::int32_t token = -1;  // token read at this step (−1 for dense input)
  QString tokenLabel;       // one-line label of the token ("a", "↵", "␣"); empty for dense input
  QString inputDescription; // what x_t is, in words ("one-hot 'a' (token 5)", "h_t of layer 0", …)
  // Series models (session overload only): x_t and the predicted x_{t+1} in original units; NaN otherwise.
  double seriesValue = std::numeric_limits<double>::quiet_NaN();
  double seriesPrediction = std::numeric_limits<double>::quiet_NaN();
  // x_t (X) for embedding, dense and upper layers; empty for one-hot, where W_ih·x_t is the column W_ih[:, token].
  std::vector<double> input;

  double hiddenPrev = 0.0; // h_{t−1} of the unit (the trace's initial state at step 0)
  double cellPrev = 0.0;   // c_{t−1} of the unit

  std::array<double, 4> inputPart{};     // (W_ih·x_t)_row
  std::array<double, 4> recurrentPart{}; // (W_hh·h_{t−1})_row, over all H units of h_{t−1}
  std::array<double, 4> bias{};          // b_ih + b_hh
  std::array<double, 4> preActivation{}; // a = input + recurrent + bias, recomputed in double
  std::array<double, 4> recordedPreActivation{}; // a as the trace recorded it (float)
  std::array<double, 4> activation{};    // σ(a) or tanh(a) of the recomputed a, before any clamp
  std::array<double, 4> gate{};          // i f g o from the trace: what the step used (clamps included)
  std::array<bool, 4> gateClamped{};     // a ClampGate intervention replaced the activation

  double forgetTerm = 0.0;     // f·c_{t−1}   } recomputed, clamped gates included
  double inputTerm = 0.0;      // i·g         }
  double cellComputed = 0.0;   // f·c_{t−1} + i·g, before cell interventions
  double cell = 0.0;           // c_t from the trace (after interventions)
  bool cellChanged = false;    // SetCell / ZeroCell / AddCell active on the unit
  double tanhCell = 0.0;       // tanh(c_t), recomputed (c_t after interventions)
  double hiddenComputed = 0.0; // o·tanh(c_t), recomputed, before ZeroHidden
  double hidden = 0.0;         // h_t from the trace (after interventions)
  bool hiddenChanged = false;  // ZeroHidden active on the unit

  std::vector<Intervention> interventions; // active on this layer and unit at this step, in the order they acted

  double gateValue(Gate g) const { return gate[std::size_t(g)]; }
};

// Values of `unit` of `layer` at `step` of `trace`, which `model` produced with `order`. Invalid result when out of
// range.
StepValues computeStepValues(const Model &model, const Trace &trace, int layer, int unit, int step,
                             const CellOrder &order = kCellOrder);
// Same for the session's model and trace, with the token label — or, for a series, the value and prediction in
// original units (then inputDescription names the value) — filled in. Invalid without a model.
StepValues computeStepValues(const ExplorerSession &session, int layer, int unit, int step);
// The session's selected layer and unit at its cursor.
StepValues computeSelectedStepValues(const ExplorerSession &session);

// A series value in compact form (4 significant digits, "−" for minus); "–" for NaN.
QString formatSeriesValue(double value);

// Short, translated wording of an intervention without its location: "f clamped to 0", "c set to 2", "h zeroed".
QString describeIntervention(const Intervention &intervention);

} // namespace lstm
