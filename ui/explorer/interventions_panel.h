#pragma once
// Interventions on the selected unit: clamp a gate, zero h or c, set c — added with one click, listed, removable.
// The session re-runs the steps after the cursor, so the views and the text show the effect at once.
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace lstm {

class ExplorerSession;

class InterventionsPanel : public QWidget {
  Q_OBJECT
public:
  explicit InterventionsPanel(ExplorerSession *session, QWidget *parent = nullptr);

  // Adds the intervention the controls describe, for the session's selected layer and unit. False when refused
  // (the reason goes to the session's message signal).
  bool addFromControls();

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void syncList();
  void syncControls();

  ExplorerSession *m_session;
  QComboBox *m_kind;
  QDoubleSpinBox *m_value;
  QPushButton *m_add, *m_remove, *m_clear;
  QListWidget *m_list;
  QLabel *m_kindLabel, *m_valueLabel, *m_hint;
};

} // namespace lstm
