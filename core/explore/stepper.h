#pragma once
// Batch-1 stepping for the explorer: one input at a time, every intermediate value returned and appended to a
// Trace, interventions applied inside the step by the one cell step (model/lstm_cell.h; where each acts:
// kCellOrder in model/intervention.h), exact undo.
// step() allocates nothing but the trace's amortised growth. Not thread-safe; GUI thread or one worker.
#include "intervention.h"
#include "model/lstm_cell.h"
#include "model/model.h"
#include "trace.h"

#include <memory>
#include <span>
#include <vector>

namespace lstm {

// What the trace records of one layer's step: a copy of part of the cell step's LstmCellValues.
struct LayerStepValues {
  Vector<float> preActivations; // (4H) a_i, a_f, a_g, a_o
  Vector<float> gates;          // (4H) i, f, g, o as the step used them (clamps applied)
  Vector<float> cell;           // (H) c_t after the cell interventions
  Vector<float> hidden;         // (H) h_t after ZeroHidden
};

struct StepResult {
  int step = -1;                       // index in the trace
  std::int32_t token = -1;             // input token (−1 for dense input)
  std::vector<LayerStepValues> layers; // (L)
  Vector<float> output;                // (V) next-token probabilities, or (D) prediction
};

struct LayerState {
  Vector<float> hidden; // (H)
  Vector<float> cell;   // (H)
};
using NetworkState = std::vector<LayerState>; // (L)

class Stepper {
public:
  // Precondition: model->checkConsistency(). topK: next-token entries kept per step in the trace.
  explicit Stepper(std::shared_ptr<const Model> model, int topK = 32);

  const Model &model() const { return *m_model; }
  const ModelConfig &config() const { return m_model->config; }
  const Trace &trace() const { return m_trace; }
  int position() const { return m_trace.steps(); } // steps taken

  // Reads one token (precondition: token model, 0 ≤ token < V) or one dense vector (precondition: size X).
  const StepResult &step(std::int32_t token);
  const StepResult &step(std::span<const float> input);
  // Undoes the last step, restoring exactly the state and result before it. False when nothing to undo.
  bool back();
  // Zero state, empty trace. Interventions stay active.
  void reset();
  // Recording on (the default): every step is appended to the trace and can be undone. Off: steps only move the
  // state on — for long sampling runs, where a trace would grow by 10·L·H floats a step. Switching either way
  // empties the trace and starts it from the current state.
  void setRecording(bool on);
  bool recording() const { return m_recording; }
  // Result of the last step; step == −1 when position() == 0.
  const StepResult &current() const { return m_result; }

  // State the next step starts from.
  NetworkState state() const;
  // Empties the trace and starts it from `state`. False (nothing changes) when the shapes do not match.
  bool setState(const NetworkState &state);

  // Active from the next step on. False when layer/unit are out of range.
  bool addIntervention(const Intervention &intervention);
  void removeIntervention(int index);
  void clearInterventions() { m_interventions.clear(); }
  const std::vector<Intervention> &interventions() const { return m_interventions; }
  // Where each intervention kind acts inside a step (kCellOrder unless changed), from the next step on. False
  // (nothing changes) when !isValidCellOrder(order). A gradient-flow window over the trace needs the same order.
  bool setCellOrder(const CellOrder &order);
  const CellOrder &cellOrder() const { return m_cellOrder; }

  // Output (probabilities or prediction) of an earlier step, recomputed from the trace's top-layer h_t.
  void outputAt(int step, Vector<float> &out) const;

private:
  const StepResult &advance(std::int32_t token, std::span<const float> input);
  void runLayer(int layer, std::span<const float> denseInput);
  void computeOutput(const Eigen::Ref<const Vector<float>> &topHidden, Vector<float> &out) const;
  void recordStep(std::span<const float> denseInput);
  void loadStateFromTrace(int lastStep);

  std::shared_ptr<const Model> m_model;
  Trace m_trace;
  StepResult m_result;
  NetworkState m_state;                 // carried into the next step
  std::vector<Vector<float>> m_biasSum; // (L) × (4H) b_ih + b_hh
  std::vector<LstmCellValues<float>> m_cells; // (L) every intermediate of the last step, H units
  CellOrder m_cellOrder = kCellOrder;
  std::vector<Intervention> m_interventions;
  std::vector<std::int32_t> m_order;    // (V) scratch for the top-k selection
  std::vector<TokenProbability> m_top;  // (k)
  std::vector<std::array<const float *, kQuantityCount>> m_rowPointers;
  bool m_recording = true;
};

} // namespace lstm
