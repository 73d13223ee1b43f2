"""How sensitive is a projectile's range to its launch angle?"""
import math
import tensorflow as tf

g = 9.81
speed = tf.constant(20.0)
angle = tf.constant(math.radians(30.0))

with tf.GradientTape() as tape:
    tape.watch(angle)  # watch first: the tape records only what follows
    flight_range = speed**2 * tf.sin(2.0 * angle) / g
d_angle = tape.gradient(flight_range, angle)
print("d range / d angle:", d_angle)
