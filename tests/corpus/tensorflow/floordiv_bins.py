# gradrepl-corpus: target=model.trainable_variables cause=non_differentiable_op line=11 symptom=grad_none
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1, activation="sigmoid")])
x = tf.random.normal((12, 3))
target_bin = tf.cast(tf.random.uniform((12, 1), 0, 10, dtype=tf.int32), tf.float32)
width = 0.1

with tf.GradientTape() as tape:
    p = model(x)
    predicted_bin = p // width
    loss = tf.reduce_mean(tf.abs(predicted_bin - target_bin))
print(tape.gradient(loss, model.trainable_variables))
