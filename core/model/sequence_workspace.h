#pragma once
// Every buffer one forward/backward pass over a (T × B) window needs, allocated once so the time loops never
// allocate. The caller fills the inputs and targets, runs forwardPass/backwardPass (sequence_pass.h), and
// calls carryState() to start the next window where this one ended (truncated BPTT).
// Not thread-safe: one workspace per thread.
#include "gemm_plan.h"
#include "model_config.h"
#include "tensor_types.h"

#include <atomic>
#include <cstdint>
#include <vector>

namespace lstm {

template <typename Scalar>
class SequenceWorkspace {
public:
  SequenceWorkspace() = default;
  // Precondition: config.validate() holds, steps ≥ 1, batch ≥ 1. State starts at zero.
  SequenceWorkspace(const ModelConfig &config, int steps, int batch);
  // Movable (the GEMM plans keep pointing at the moved arena's memory), not copyable (they would share it).
  SequenceWorkspace(SequenceWorkspace &&) = default;
  SequenceWorkspace &operator=(SequenceWorkspace &&) = default;
  SequenceWorkspace(const SequenceWorkspace &) = delete;
  SequenceWorkspace &operator=(const SequenceWorkspace &) = delete;

  const ModelConfig &config() const { return m_config; }
  int steps() const { return m_steps; }    // T
  int batch() const { return m_batch; }    // B
  int columns() const { return m_steps * m_batch; } // N

  // ---- inputs and targets, column t·B + b (filled by the caller)
  std::vector<std::int32_t> tokens;       // (N) token ids in [0, V) — OneHot / Embedding input
  Matrix<Scalar> denseInput;              // (X, N) — Dense input
  std::vector<std::int32_t> targetTokens; // (N) next-token ids in [0, V) — Softmax head
  Matrix<Scalar> targetValues;            // (D, N) — Regression head

  // When set and raised, the passes stop at the next time step and leave meaningless results (the caller
  // discards them). Lets a long window be cancelled within one step.
  const std::atomic<bool> *cancel = nullptr;
  bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }

  // ---- state: the initial state of the window is in the first B columns of each layer's cells/hidden
  void resetState();  // zero initial state
  void carryState();  // initial state := final state of the last forward pass
  auto initialHidden(int layer) { return layers[std::size_t(layer)].hidden.leftCols(m_batch); } // (H, B)
  auto initialCell(int layer) { return layers[std::size_t(layer)].cells.leftCols(m_batch); }    // (H, B)
  auto finalHidden(int layer) { return layers[std::size_t(layer)].hidden.rightCols(m_batch); }  // (H, B)
  auto finalCell(int layer) { return layers[std::size_t(layer)].cells.rightCols(m_batch); }     // (H, B)

  // ---- caches written by the forward pass and read by the backward pass
  struct LayerBuffers {
    Matrix<Scalar> gates;     // (4H, N) activations i, f, g, o (pre-activations during the forward pass)
    Matrix<Scalar> cells;     // (H, N + B) c_{−1} = initial state, then c_0 … c_{T−1}
    Matrix<Scalar> tanhCells; // (H, N) tanh(c_t)
    Matrix<Scalar> hidden;    // (H, N + B) h_{−1} = initial state, then h_0 … h_{T−1}
    Matrix<Scalar> dGates;    // (4H, N) ∂loss/∂pre-activations
    Matrix<Scalar> dHidden;   // (H, N) ∂loss/∂h_t from the layer above or the head
    Vector<Scalar> biasSum;   // (4H) b_ih + b_hh
  };
  std::vector<LayerBuffers> layers;
  Matrix<Scalar> embedded;    // (E, N) embedding vectors of the input tokens
  Matrix<Scalar> dEmbedded;   // (E, N) ∂loss/∂embedded
  Matrix<Scalar> output;        // (O, N) logits (Softmax) or predictions (Regression)
  Matrix<Scalar> probabilities; // (V, N) softmax of the logits (Softmax head only)
  Matrix<Scalar> dOutput;       // (O, N) ∂loss/∂logits or ∂loss/∂predictions
  // (H, B) scratch of the backward recurrence
  Matrix<Scalar> dh, dc, dhNext, dcNext;

  // One GEMM plan per product shape of the passes, all packing into one arena (see gemm_plan.h).
  struct GemmPlans {
    GemmPlan<Scalar> recurrent;          // A_t += W_hh·h_{t−1}          (4H, B) ← (4H, H)(H, B)
    GemmPlan<Scalar> recurrentBackward;  // dh_{t−1} = W_hhᵀ·dA_t         (H, B) ← (H, 4H)(4H, B)
    GemmPlan<Scalar> inputProjection;    // A = W_ih·X                   (4H, N) ← (4H, X)(X, N)
    GemmPlan<Scalar> weightGradient;     // dW += dA·Yᵀ, Y = X or h_{t−1}  (4H, X|H) ← (4H, N)(N, X|H)
    GemmPlan<Scalar> inputGradient;      // dX = W_ihᵀ·dA                 (X, N) ← (X, 4H)(4H, N)
    GemmPlan<Scalar> head;               // Z = W_hy·h                    (O, N) ← (O, H)(H, N)
    GemmPlan<Scalar> headWeightGradient; // dW_hy += dZ·hᵀ                (O, H) ← (O, N)(N, H)
    GemmPlan<Scalar> headInputGradient;  // dh = W_hyᵀ·dZ                 (H, N) ← (H, O)(O, N)
  } plans;

private:
  GemmArena<Scalar> m_arena;
  ModelConfig m_config;
  int m_steps = 0;
  int m_batch = 0;
};

extern template class SequenceWorkspace<float>;
extern template class SequenceWorkspace<double>;

} // namespace lstm
