# gradrepl-corpus: target=student.trainable_variables cause=none
import tensorflow as tf

teacher = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(4)])
student = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(4)])
opt = tf.keras.optimizers.Adam(1e-3)
kl = tf.keras.losses.KLDivergence()
x = tf.random.normal((16, 8))
T = 2.0
for _ in range(2):
    with tf.GradientTape() as tape:
        soft_targets = tf.nn.softmax(teacher.predict(x, verbose=0) / T)
        student_probs = tf.nn.softmax(student(x, training=True) / T)
        loss = kl(soft_targets, student_probs) * T * T
    grads = tape.gradient(loss, student.trainable_variables)
    opt.apply_gradients(zip(grads, student.trainable_variables))
